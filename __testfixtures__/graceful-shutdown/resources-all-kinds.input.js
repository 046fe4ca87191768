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
}

main();
