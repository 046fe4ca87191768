const amqp = require('amqplib');
const { logger } = require('./lib/logger');

async function connect(url) {
  const conn = await amqp.connect(url);
  logger.info({ url }, 'Connected to broker');
  return conn;
}

module.exports = { connect };
