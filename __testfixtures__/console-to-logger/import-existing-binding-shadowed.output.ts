import { logger } from './lib/logger';

export function withLogger(logger: { write(s: string): void }) {
  console.log('Inside a function with its own logger');
}

export function plain() {
  logger.info('Outside');
}
