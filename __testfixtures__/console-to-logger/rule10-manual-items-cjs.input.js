'use strict';
const { report } = require('./report');

function printReport(rows) {
  console.table(rows);
  console.log.apply(console, rows);
  console.log('Report printed');
}

module.exports = { printReport, log: console.log };
