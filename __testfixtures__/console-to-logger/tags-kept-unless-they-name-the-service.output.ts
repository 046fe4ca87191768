import { logger } from './lib/logger';
export async function checkout(details: { cart: string }) {
  logger.error('[billing/checkout] error', { details });
  logger.error('[purgeResetTokensJob] failed', { cart: details.cart });
  logger.info('Checkout started', { cart: details.cart });
  logger.info('Checkout done');
  logger.info('[BILLING-SVC]', { cart: details.cart });
}
