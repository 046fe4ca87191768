const amqp = require('amqplib');

async function main() {
  const conn = await amqp.connect('amqp://rabbit');
  return conn;
}
main();
