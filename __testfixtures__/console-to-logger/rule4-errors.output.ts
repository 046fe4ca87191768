import { queue } from './queue';
import { logger } from './lib/logger';

export async function consume() {
  try {
    await queue.pull();
  } catch (failure) {
    logger.error('Pull failed', { error: failure });
  }
  try {
    await queue.ack();
  } catch (e) {
    logger.error('Ack failed', { error: e, name: queue.name });
  }
  queue.on('error', (err: Error) => logger.error('Queue error', { error: err }));
  queue.on('fail', (error: Error, job: { id: string }) => logger.warn('Job failed', { id: job.id, error }));
  logger.error('Giving up', { error: new Error('no consumer'), error2: new TypeError('bad type') });
}
