const logger = require('./lib/log');

function order(userWhoOrdered, items) {
  logger.info(userWhoOrdered);
  console.log('Order from', userWhoOrdered, items);
  logger.warn('Low stock', { items });
  console.debug('Items', items);
}

module.exports = { order };
