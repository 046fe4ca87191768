import { Payment } from './models';

export async function updatePayment(paymentId: string) {
  await Payment.update(paymentId);
  console.log('[Payment Service] Payment updated:', paymentId);
}
