const { logger } = require('./lib/logger');

async function ship(order) {
  try {
    await send(order);
    logger.info({ id: order.id, address: order.address }, 'Shipped order {id} to {address}');
  } catch (err) {
    logger.error({ err }, 'Shipping failed');
  }
}

module.exports = { ship };
