import express from 'express';
import { Pool } from 'pg';
import { ordersRouter } from './routes/orders';

export const db = new Pool({ connectionString: process.env.DATABASE_URL });

const app = express();
app.use(express.json());
app.use('/orders', ordersRouter(db));

app.listen(Number(process.env.PORT ?? 3001), () => {
  console.log('orders up');
});
