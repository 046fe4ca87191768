import { logger } from '../src/lib/logger';
import { cache } from './cache';

export function warm() {
  logger.info('Warming cache');
  logger.info('Cache warmed', { size: cache.size });
}
