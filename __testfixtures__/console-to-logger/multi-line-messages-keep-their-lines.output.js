const { logger } = require('./lib/logger');
function save(order, err, items) {
  logger.error(`Saving order ${order.id}
    failed`, err);
  logger.info(`Order ${order.id}\tqueued
    with ${items.length} items`, { items });
  logger.error(`{error} while saving
     order ${order.id}`,
    err);
  logger.info('[orders] created', {
    id: order.id,
    items
  });
  logger.warn(
    `Retrying order ${order.id}
     later`,
    err,
  );
  logger.info(`Order line one
  line two:`);
}

module.exports = { save };
