'use strict';

const { Pool } = require('pg');

// Connection settings come from the PG* environment variables.
const pool = new Pool({
  max: Number(process.env.PG_POOL_MAX ?? 10),
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000
});

pool.on('error', (err) => {
  console.error('idle client error', err);
});

module.exports = { pool };
