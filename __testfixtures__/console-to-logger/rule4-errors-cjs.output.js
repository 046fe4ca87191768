const { Pool } = require('pg');
const { logger } = require('./lib/logger');

const pool = new Pool();

pool.on('error', (err) => {
  logger.error('Unexpected idle client error', err);
});

async function query(sql) {
  try {
    return await pool.query(sql);
  } catch (ex) {
    logger.error('Query failed', { sql, error: ex instanceof Error ? { message: ex.message, stack: ex.stack } : ex });
    throw ex;
  }
}

module.exports = { query };
