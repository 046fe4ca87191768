const amqp = require('amqplib');

amqp
  .connect(process.env.AMQP_URL)
  .then((connection) => connection.createChannel())
  .then((channel) => channel.consume('mail', (msg) => console.log('mail queued', msg.content.toString())))
  .catch((err) => console.error('mailer failed', err));
