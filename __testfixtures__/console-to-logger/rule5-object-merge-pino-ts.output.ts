import { cache } from './cache';
import { logger } from './lib/logger';

export function evict(key: string, reason: string) {
  const details = { key, reason };
  logger.info({ key, reason, size: cache.size }, 'Evicting');
  logger.info({ ...details }, 'Evicted');
}
