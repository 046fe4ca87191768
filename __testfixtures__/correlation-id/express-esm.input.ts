import express from 'express';
import helmet from 'helmet';
import { ordersRouter } from './routes/orders';
import { logger } from './lib/logger';

const PORT = Number(process.env.PORT ?? 3000);

export const app = express();

app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use('/orders', ordersRouter);

app.listen(PORT, () => logger.info({ port: PORT }, 'order-service listening'));
