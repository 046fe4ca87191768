const os = require('os');

function report(worker, stats) {
  console.log('Worker stats', worker.id, stats.queue.length, os.hostname(), process.uptime());
  console.info('Worker', worker.name, 'on', os.hostname(), 'handled', stats.count, stats.count * 2);
}

module.exports = report;
