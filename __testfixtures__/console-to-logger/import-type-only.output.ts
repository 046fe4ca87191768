import type { logger } from './lib/logger';
import { db } from './db';
import { logger as logger2 } from './lib/logger';

export function purge(days: number) {
  logger2.warn('Purging records older than {days} days', { days });
  return db.purge(days);
}
