const amqp = require('amqplib');

async function connect(url) {
  const conn = await amqp.connect(url);
  console.log('[Parking Service] Connected to broker:', url);
  return conn;
}

module.exports = { connect };
