import Fastify from 'fastify';
import { Request } from 'express';
import { logger } from './lib/logger';

const app = Fastify();

export async function charge(orderId: string, amount: number) {
  logger.info({ orderId, amount }, 'Charging order');
  try {
    await app.inject({ method: 'POST', url: '/charge' });
  } catch (err) {
    logger.error({ err, orderId }, 'Charge failed');
  }
  logger.info('Charged');
  logger.info({ orderId, amount }, 'orderId in charge');
}

export function handler(req: Request) {
  logger.info({ correlationId: req.correlationId }, 'Handling charge');
}
