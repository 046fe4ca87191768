import type { logger } from './lib/logger';
import { db } from './db';

export function purge(days: number) {
  console.warn('Purging records older than', days, 'days');
  return db.purge(days);
}
