const { db } = require('./db');

function sync(rows) {
  if (rows.length > 0) {
    console.info('Sync query', {
      sql: `
        SELECT id
        FROM ${db.table}`,
    });
    console.log(
      'Batches',
      rows.map((row) => {
        console.debug('Row', row.id);
        return row.batch;
      }),
    );
    console.warn('Slow sync', {
      table: db.table,
      tookMs: db.lastQueryMs,
    }, rows.length);
  }
}

module.exports = { sync };
