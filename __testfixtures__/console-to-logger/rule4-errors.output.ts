import { queue } from './queue';
import { logger } from './lib/logger';

export async function consume() {
  try {
    await queue.pull();
  } catch (failure) {
    logger.error('Pull failed', failure);
  }
  try {
    await queue.ack();
  } catch (e) {
    logger.error('Ack failed', { error: e instanceof Error ? { message: e.message, stack: e.stack } : e, name: queue.name });
  }
  queue.on('error', (err: Error) => logger.error('Queue error', err));
  queue.on('fail', (error: Error, job: { id: string }) => logger.warn('Job failed', { id: job.id, error: error instanceof Error ? { message: error.message, stack: error.stack } : error }));
  console.error('Giving up', new Error('no consumer'), new TypeError('bad type'));
}
