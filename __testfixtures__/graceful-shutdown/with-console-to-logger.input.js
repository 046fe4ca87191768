const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/accounts/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM accounts WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

app.listen(3000, () => console.log('accounts up'));
