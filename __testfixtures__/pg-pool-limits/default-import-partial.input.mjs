import pg from 'pg';
import express from 'express';

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const reporting = new pg.Pool({connectionString: process.env.REPORTING_URL})

const app = express();

app.get('/orders/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0] ?? null);
});

export { app, reporting };
