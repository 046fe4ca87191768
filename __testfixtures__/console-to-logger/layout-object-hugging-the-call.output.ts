import { logger } from './lib/logger';
export function report(order: { id: string; total: number }, err: unknown) {
  logger.info({
    id: order.id,
    total: order.total,
  }, 'Order stored');
  logger.error(
    {
      id: order.id,
      err,
    },
    'Order failed',
  );
}
