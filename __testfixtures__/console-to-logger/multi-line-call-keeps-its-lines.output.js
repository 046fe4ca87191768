const { db } = require('./db');
const { logger } = require('./lib/logger');

function sync(rows) {
  if (rows.length > 0) {
    logger.info('Sync query', {
      sql: `
        SELECT id
        FROM ${db.table}`,
    });
    logger.info(
      'Batches',
      { map: rows.map((row) => {
        logger.debug('Row', { id: row.id });
        return row.batch;
      }) },
    );
    logger.warn('Slow sync', {
      table: db.table,
      tookMs: db.lastQueryMs,
      length: rows.length,
    });
  }
}

module.exports = { sync };
