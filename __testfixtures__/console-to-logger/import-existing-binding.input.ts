import { logger } from '../src/lib/logger';
import { cache } from './cache';

export function warm() {
  logger.info('Warming cache');
  console.log('Cache warmed', cache.size);
}
