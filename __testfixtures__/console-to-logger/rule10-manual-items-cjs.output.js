'use strict';
const { report } = require('./report');
const { logger } = require('./lib/logger');

function printReport(rows) {
  console.table(rows);
  console.log.apply(console, rows);
  logger.info('Report printed');
}

module.exports = { printReport, log: console.log };
