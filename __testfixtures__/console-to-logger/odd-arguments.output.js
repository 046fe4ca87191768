const { queue } = require('./queue');
const { logger } = require('./lib/logger');

function drain() {
  logger.info('Drained', { arg2: (queue.flush(), queue.size), arg3: this, arguments, NaN });
  logger.info('Tagged', { arg2: String.raw`a\nb`, arg3: -1, arg4: typeof queue });
  logger.info('It\'s [done] x');
  logger.info('Tabs\there', { name: queue.name });
}

module.exports = drain;
