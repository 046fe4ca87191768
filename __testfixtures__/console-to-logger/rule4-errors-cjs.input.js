const { Pool } = require('pg');

const pool = new Pool();

pool.on('error', (err) => {
  console.error('Unexpected idle client error:', err);
});

async function query(sql) {
  try {
    return await pool.query(sql);
  } catch (ex) {
    console.error('Query failed', sql, ex);
    throw ex;
  }
}

module.exports = { query };
