const { logger } = require('./lib/logger');

async function ship(order) {
  try {
    await send(order);
    console.log('Shipped order', order.id, 'to', order.address);
  } catch (err) {
    console.error('Shipping failed:', err);
  }
}

module.exports = { ship };
