const amqp = require('amqplib');
const { logger } = require('./logger.js')

amqp
  .connect(process.env.AMQP_URL)
  .then((connection) => connection.createChannel())
  .then((channel) => channel.consume('mail', (msg) => logger.info('mail queued', { content: msg.content.toString() })))
  .catch((err) => logger.error('mailer failed', { error: err }));
