import express from 'express';
import cors from 'cors';
import { paymentsRouter } from './routes/payments';
import { correlationIdMiddleware } from './lib/correlation-id';

const app = express();
app.set('trust proxy', 1);
app.disable('x-powered-by');
app.locals.serviceName = 'payment-service';
app.use(correlationIdMiddleware);

app.use(cors());
app.use(express.json());
app.use('/payments', paymentsRouter);

export default app;
