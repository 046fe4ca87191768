import { logger } from '@/lib/logger';

export function start(port: number) {
  logger.info('Starting');
  logger.info('Listening on', { port });
}
