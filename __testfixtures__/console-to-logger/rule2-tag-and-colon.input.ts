import { Payment } from './models';

export async function updatePayment(paymentId: string, amount: number) {
  await Payment.update(paymentId, { amount });
  console.log('[Payment Service] Payment updated:', paymentId);
  console.log('[Payment Service]   Amount set to: ', amount);
  console.log('[Payment Service] done');
  console.log('[Payment Service]', paymentId);
  console.log('Totals: ');
}
