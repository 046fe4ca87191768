const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/', async (req, res) => res.json((await pool.query('select now()')).rows[0]));

if (require.main === module) {
  app.listen(process.env.PORT || 3000, () => console.log('up'));
}

module.exports = app;
