import Fastify from 'fastify';
import { Request } from 'express';

const app = Fastify();

export async function charge(orderId: string, amount: number) {
  console.log('[Billing] Charging order:', orderId, amount);
  try {
    await app.inject({ method: 'POST', url: '/charge' });
  } catch (err) {
    console.error('Charge failed', err, { orderId });
  }
  console.log('Charged');
  console.log({ orderId, amount });
}

export function handler(req: Request) {
  console.log('Handling charge');
}
