'use strict';

const express = require('express');
const morgan = require('morgan');
const { Pool } = require('pg');
const { correlationIdMiddleware } = require('@acme/http-kit');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(correlationIdMiddleware);

app.use(morgan('combined'));
app.use(express.json());

app.get('/trainers/:id', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT * FROM trainers WHERE id = $1', [req.params.id]);
    res.json(rows[0] ?? null);
  } catch (err) {
    next(err);
  }
});

module.exports = app;
