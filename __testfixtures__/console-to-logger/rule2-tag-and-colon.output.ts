import { Payment } from './models';
import { logger } from './lib/logger';

export async function updatePayment(paymentId: string, amount: number) {
  await Payment.update(paymentId, { amount });
  logger.info('Payment updated', { paymentId });
  logger.info('Amount set to', { amount });
  logger.info('done');
  logger.info('[Payment Service]', { paymentId });
  logger.info('Totals: ');
}
