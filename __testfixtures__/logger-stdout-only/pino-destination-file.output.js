const pino = require('pino');

const logger = pino(
  { level: process.env.LOG_LEVEL || 'info', base: { service: 'payments' } },
  pino.destination({ dest: 1, sync: false, mkdir: true }),
);

const audit = pino({ name: 'audit' }, pino.destination(1));
const errors = pino({ name: 'errors' }, pino.destination(2));
const plain = pino(pino.destination(process.stdout.fd));

module.exports = { logger, audit, errors, plain };
