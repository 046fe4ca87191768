export function report(order: { id: string; total: number }, err: unknown) {
  console.log('Order stored', {
    id: order.id,
    total: order.total,
  });
  console.error(
    'Order failed',
    order.id,
    err,
  );
}
