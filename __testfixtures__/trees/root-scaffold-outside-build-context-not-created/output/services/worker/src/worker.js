const amqp = require('amqplib');
const { logger } = require('./logger.js');

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue('orders');
  channel.consume('orders', (msg) => {
    logger.info('order received', { content: msg.content.toString() });
    channel.ack(msg);
  });
}

main().catch((err) => logger.error('worker failed', { error: err }));
