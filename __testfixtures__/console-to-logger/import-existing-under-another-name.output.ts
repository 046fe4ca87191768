import { logger as log } from './lib/logger';

export function start(port: number) {
  log.info('Starting');
  log.info('Listening on', { port });
}
