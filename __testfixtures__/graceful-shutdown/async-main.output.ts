import express from 'express';
import { Pool } from 'pg';
import { Queue, Worker } from 'bullmq';
import { Kafka } from 'kafkajs';
import { createRouter } from './router';

const kafka = new Kafka({ clientId: 'fulfilment', brokers: [process.env.KAFKA_BROKER!] });
const connection = { host: process.env.REDIS_HOST, port: 6379 };

let shutdownRegistered = false;

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: 'fulfilment' });
  await consumer.connect();

  const emails = new Queue('emails', { connection });
  const worker = new Worker('shipments', async (job) => {
    await pool.query('UPDATE shipments SET status = $1 WHERE id = $2', ['sent', job.data.id]);
  }, { connection });

  const app = express();
  app.use(createRouter({ pool, producer, emails }));
  const server = app.listen(Number(process.env.PORT) || 3000);

  // Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
  let shuttingDown = false;

  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    console.info(`${signal} received, shutting down`);
    setTimeout(() => {
      console.error('Graceful shutdown timed out, forcing exit');
      process.exit(1);
    }, 25000).unref();
    try {
      // Load balancers keep routing here until they see the task draining or gone: keep serving a
      // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
      if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
      await new Promise<void>((resolve, reject) => {
        // Keep-alive sockets outlive their last response and would hold close() until they time out:
        // close them as they fall idle (closeIdleConnections exists since Node 18.2; older typings lack it).
        const closeIdle = setInterval(() => (server as { closeIdleConnections?(): void }).closeIdleConnections?.(), 100);
        server.close((err) => {
          clearInterval(closeIdle);
          if (err) reject(err);
          else resolve();
        });
      });
      await consumer.disconnect();
      await worker.close();
      await producer.disconnect();
      await emails.close();
      await pool.end();
      process.exit(0);
    } catch (err) {
      console.error('Graceful shutdown failed', err);
      process.exit(1);
    }
  }

  if (!shutdownRegistered) {
    shutdownRegistered = true;
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
