const os = require('os');
const { logger } = require('./lib/logger');

function report(worker, stats) {
  logger.info('Worker stats', { id: worker.id, length: stats.queue.length, hostname: os.hostname(), uptime: process.uptime() });
  logger.info('Worker {name} on {hostname} handled {count} {arg7}', { name: worker.name, hostname: os.hostname(), count: stats.count, arg7: stats.count * 2 });
}

module.exports = report;
