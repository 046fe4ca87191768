import express from 'express';
import cors from 'cors';
import { paymentsRouter } from './routes/payments';

const app = express();
app.set('trust proxy', 1);
app.disable('x-powered-by');
app.locals.serviceName = 'payment-service';

app.use(cors());
app.use(express.json());
app.use('/payments', paymentsRouter);

export default app;
