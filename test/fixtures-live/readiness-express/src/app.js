'use strict';
const express = require('express');

// Stands in for a pg Pool: DB_DOWN fails the query like a refused connection, DB_SLOW never answers.
const pool = {
  query: async () => {
    if (process.env.DB_DOWN) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    if (process.env.DB_SLOW) return new Promise(() => {});
    return { rows: [{ one: 1 }] };
  },
};

const app = express();

app.get('/health', (req, res) => res.json({ status: 'ok' }));

app.get('/users', async (req, res) => res.json((await pool.query('SELECT 1')).rows));

module.exports = app;
