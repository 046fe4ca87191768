const logger = require('./lib/log');

function order(userWhoOrdered, items) {
  console.log(userWhoOrdered);
  console.log('Order from', userWhoOrdered, items);
  console.warn('Low stock', items);
  console.debug('Items', items);
}

module.exports = { order };
