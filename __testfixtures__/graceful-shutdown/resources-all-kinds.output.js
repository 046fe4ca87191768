const express = require('express');
const { MongoClient } = require('mongodb');
const amqp = require('amqplib');
const { Kafka } = require('kafkajs');
const Redis = require('ioredis');
const { createClient } = require('redis');
const Queue = require('bull');
const { Worker } = require('bullmq');
const { Server } = require('socket.io');
const { PrismaClient } = require('@prisma/client');
const knex = require('knex');
const { Sequelize } = require('sequelize');
const { DataSource } = require('typeorm');
const { connect } = require('nats');
const http = require('http');

let shutdownRegistered = false;

async function main() {
  const mongo = await MongoClient.connect(process.env.MONGO_URL);
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  const kafka = new Kafka({ brokers: ['kafka:9092'] });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: 'orders' });
  const cache = new Redis(process.env.REDIS_URL);
  const sessions = createClient({ url: process.env.REDIS_URL });
  const emails = new Queue('emails');
  const jobs = new Worker('jobs', async () => {});
  const prisma = new PrismaClient();
  const db = knex({ client: 'pg' });
  const sequelize = new Sequelize(process.env.DATABASE_URL);
  const dataSource = new DataSource({ type: 'postgres' });
  const nc = await connect({ servers: 'nats:4222' });

  const app = express();
  const server = http.createServer(app);
  const io = new Server(server);
  server.listen(3000);

  // Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
  let shuttingDown = false;

  async function shutdown(signal) {
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
      await new Promise((resolve, reject) => {
        // Keep-alive sockets outlive their last response and would hold close() until they time out:
        // close them as they fall idle (closeIdleConnections exists since Node 18.2).
        const closeIdle = setInterval(() => server.closeIdleConnections?.(), 100);
        server.close((err) => {
          clearInterval(closeIdle);
          if (err) reject(err);
          else resolve();
        });
        // Open websockets would too: socket.io disconnects them (and closes the server it is attached to).
        void io.close();
      });
      await channel.close();
      await consumer.disconnect();
      await jobs.close();
      await nc.drain();
      await producer.disconnect();
      await emails.close();
      await mongo.close();
      await connection.close();
      await cache.quit();
      await sessions.quit();
      await prisma.$disconnect();
      await db.destroy();
      await sequelize.close();
      await dataSource.destroy();
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

main();
