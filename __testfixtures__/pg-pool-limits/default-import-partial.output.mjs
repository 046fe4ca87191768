import pg from 'pg';
import express from 'express';

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, idleTimeoutMillis: 30000, connectionTimeoutMillis: 2000 });
const reporting = new pg.Pool({connectionString: process.env.REPORTING_URL, max: Number(process.env.PG_POOL_MAX ?? 10), idleTimeoutMillis: 30000, connectionTimeoutMillis: 2000})

const app = express();

app.get('/orders/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0] ?? null);
});

export { app, reporting };
