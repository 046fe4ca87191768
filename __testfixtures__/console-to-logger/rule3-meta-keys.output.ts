import { Router } from 'express';
import { orders } from './orders';
import { logger } from './lib/logger';

export function report(next: { status: string }, order: { id: string; items: string[] }, id: string, user: any) {
  logger.info('Status changed', { status: next.status, id: order.id });
  logger.info('Order loaded', { id, id2: order.id, id3: user.profile.id });
  logger.info('Order size', { length: order.items.length, count: orders.count(), arg4: 42, arg5: true });
  logger.info('Payload', { order: JSON.stringify(order), email: user.getEmail(), date: new Date(), arg5: Date.now() - 5 });
  logger.info('Lookup', { firstName: user['first-name'], items: order.items[0], user: user as Record<string, string>, name: user!.name });
  logger.info('Message', { userMessage: user.message, userLevel: user.level, id: order.id ?? 'none' });
  logger.info(`Timing ${id}-x`, { arg3: undefined, arg4: [1, 2] });
}
