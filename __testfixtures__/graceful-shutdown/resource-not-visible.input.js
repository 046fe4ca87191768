const express = require('express');
const { Pool } = require('pg');

const app = express();

function createRepo() {
  const pool = new Pool({ max: 5 });
  return { all: () => pool.query('SELECT * FROM items') };
}

const repo = createRepo();
app.get('/items', async (req, res) => res.json((await repo.all()).rows));

app.listen(3000);
