import { db } from './db';
import { logger } from './lib/logger';

export async function sync(user: { id: string }, order: { id: string }) {
  try {
    await db.sync(user, order);
  } catch (err) {
    logger.error('error in sync', err);
  }
  logger.info('user in sync', { user });
  logger.info('user in sync', { user, order });
  logger.info('userId in sync', { userId: user.id });
  logger.info('arg1 in sync', { arg1: 42 });
}
