import { Payment } from './models';
import { logger } from './lib/logger';

export async function updatePayment(paymentId: string) {
  await Payment.update(paymentId);
  logger.info('[Payment Service] Payment updated', { paymentId });
}
