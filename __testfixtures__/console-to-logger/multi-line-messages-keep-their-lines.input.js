function save(order, err, items) {
  console.error(`Saving order ${order.id}
    failed:`, err);
  console.log(`Order ${order.id}\tqueued
    with ${items.length} items:`, items);
  console.error(err,
    `while saving
     order ${order.id}`);
  console.log('[orders] created',
    order.id,
    items);
  console.warn(
    `Retrying order ${order.id}
     later:`,
    err,
  );
  console.log(`Order line one
  line two:`);
}

module.exports = { save };
