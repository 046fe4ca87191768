import express from 'express';
import { Pool } from 'pg';
import { Queue, Worker } from 'bullmq';
import { Kafka } from 'kafkajs';
import { createRouter } from './router';

const kafka = new Kafka({ clientId: 'fulfilment', brokers: [process.env.KAFKA_BROKER!] });
const connection = { host: process.env.REDIS_HOST, port: 6379 };

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
  app.listen(Number(process.env.PORT) || 3000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
