'use strict';

const { Pool } = require('pg');

// Connection settings come from the PG* environment variables.
const pool = new Pool();

pool.on('error', (err) => {
  console.error('idle client error', err);
});

module.exports = { pool };
