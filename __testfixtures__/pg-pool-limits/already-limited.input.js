const { Pool } = require('pg');

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 0, // keep clients for the whole run
  'connectionTimeoutMillis': 10000,
});

module.exports = pool;
