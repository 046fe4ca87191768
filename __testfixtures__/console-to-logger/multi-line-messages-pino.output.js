const { logger } = require('./lib/logger');
function save(order, err, items) {
  logger.error({ err }, `Saving order ${order.id}
    failed`);
  logger.info({ items }, `Order ${order.id}\tqueued
    with ${items.length} items`);
  logger.error({ err },
    `{err} while saving
     order ${order.id}`);
  logger.info({
    id: order.id,
    items
  }, '[orders] created');
  logger.warn(
    { err },
    `Retrying order ${order.id}
     later`,
  );
  logger.info(`Order line one
  line two:`);
}

module.exports = { save };
