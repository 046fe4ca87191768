import express from 'express';
import { Pool } from 'pg';
import { paymentsRouter } from './routes/payments';

const PORT = Number(process.env.PORT ?? 3001);

export const db = new Pool({ connectionString: process.env.DATABASE_URL });

const app = express();
app.set('trust proxy', 1);
app.use(express.json());

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use('/payments', paymentsRouter);

app.listen(PORT, () => {
  console.log(`[Payment Service] listening on port ${PORT}`);
});
