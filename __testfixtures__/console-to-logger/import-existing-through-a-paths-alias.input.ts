import { logger } from '@/lib/logger';

export function start(port: number) {
  logger.info('Starting');
  console.log('Listening on', port);
}
