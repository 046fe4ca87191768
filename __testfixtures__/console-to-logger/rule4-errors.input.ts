import { queue } from './queue';

export async function consume() {
  try {
    await queue.pull();
  } catch (failure) {
    console.error('Pull failed', failure);
  }
  try {
    await queue.ack();
  } catch (e) {
    console.error('Ack failed:', e, queue.name);
  }
  queue.on('error', (err: Error) => console.error('Queue error', err));
  queue.on('fail', (error: Error, job: { id: string }) => console.warn('Job failed', job.id, error));
  console.error('Giving up', new Error('no consumer'), new TypeError('bad type'));
}
