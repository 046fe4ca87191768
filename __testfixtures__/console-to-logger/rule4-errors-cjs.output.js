const { Pool } = require('pg');
const { logger } = require('./lib/logger');

const pool = new Pool();

pool.on('error', (err) => {
  logger.error('Unexpected idle client error', { error: err });
});

async function query(sql) {
  try {
    return await pool.query(sql);
  } catch (ex) {
    logger.error('Query failed', { sql, error: ex });
    throw ex;
  }
}

module.exports = { query };
