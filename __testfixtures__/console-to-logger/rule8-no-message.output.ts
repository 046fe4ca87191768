import { db } from './db';
import { logger } from './lib/logger';

export async function sync(user: { id: string }, order: { id: string }) {
  try {
    await db.sync(user, order);
  } catch (err) {
    logger.error(err);
  }
  logger.info(user);
  logger.info({ user, order });
  logger.info({ userId: user.id });
  logger.info(42);
}
