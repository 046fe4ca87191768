import logger from 'pino-logger';
export function total(xs: number[]): number {
  logger.debug('summing', { length: xs.length });
  return xs.reduce((a, b) => a + b, 0);
}
