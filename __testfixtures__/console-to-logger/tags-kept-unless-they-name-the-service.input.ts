export async function checkout(details: { cart: string }) {
  console.error('[billing/checkout] error:', details);
  console.error('[purgeResetTokensJob] failed:', details.cart);
  console.log('[Billing Service] Checkout started', details.cart);
  console.log('[billing] Checkout done');
  console.log('[BILLING-SVC]', details.cart);
}
