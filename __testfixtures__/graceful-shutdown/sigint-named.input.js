const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
const server = app.listen(3000);

async function stop() {
  server.close();
  await pool.end();
  process.exit(0);
}

process.on('SIGINT', stop);
