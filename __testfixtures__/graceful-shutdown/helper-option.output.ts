import express from 'express';
import { Pool } from 'pg';
import { ordersRouter } from './routes/orders';
import { registerGracefulShutdown } from '../../../packages/shared/src/shutdown';

export const db = new Pool({ connectionString: process.env.DATABASE_URL });

const app = express();
app.use(express.json());
app.use('/orders', ordersRouter(db));

const server = app.listen(Number(process.env.PORT ?? 3001), () => {
  console.log('orders up');
});
registerGracefulShutdown(server, { timeoutMs: 20000, signals: ['SIGTERM', 'SIGINT'] });
