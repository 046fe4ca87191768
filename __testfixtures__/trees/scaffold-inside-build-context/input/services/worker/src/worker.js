const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue('orders');
  channel.consume('orders', (msg) => {
    console.log('order received', msg.content.toString());
    channel.ack(msg);
  });
}

main().catch((err) => console.error('worker failed', err));
