import { logger as log } from './lib/logger';

export function start(port: number) {
  log.info('Starting');
  console.log('Listening on', port);
}
