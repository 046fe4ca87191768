import { logger } from './lib/logger';
export function charge(amount: number) {
  logger.info('charging', { amount });
  // shipshape-ignore-next-line console-to-logger -- the CLI banner stays on stdout
  console.log('=== payment run ===');
  /* shipshape-ignore-next-line */
  console.error(
    'multi-line call stays',
    amount,
  );
  // shipshape-ignore-next-line healthz-to-health
  logger.warn('another transform is named: still rewritten');
}
