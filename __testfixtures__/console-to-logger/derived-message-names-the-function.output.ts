import { logger } from '../lib/logger';
export class Orders {
  async createOrder(order: { id: string }) {
    try {
      await save(order);
    } catch (error) {
      logger.error('error in createOrder', error);
    }
    logger.info('order in createOrder', { order });
  }
}

export const cancelOrder = async (id: string) => {
  logger.info('id in cancelOrder', { id });
};

process.on('uncaughtException', (err) => {
  logger.error('error in orders', err);
});

declare function save(o: unknown): Promise<void>;
