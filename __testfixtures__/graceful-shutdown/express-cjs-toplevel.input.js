'use strict';

const express = require('express');
const { Pool } = require('pg');
const Redis = require('ioredis');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL);
const app = express();

app.use(express.json());

app.get('/orders/:id', async (req, res) => {
  const cached = await redis.get(`order:${req.params.id}`);
  if (cached) return res.json(JSON.parse(cached));
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => {
  console.log(`orders listening on ${port}`);
});
