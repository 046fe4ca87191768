const pino = require('pino');
const path = require('path');

const logger = pino(
  { level: process.env.LOG_LEVEL || 'info', base: { service: 'payments' } },
  pino.destination({ dest: path.join(__dirname, '..', 'logs', 'payments.log'), sync: false, mkdir: true }),
);

const audit = pino({ name: 'audit' }, pino.destination('./logs/audit.log'));
const errors = pino({ name: 'errors' }, pino.destination(2));
const plain = pino(pino.destination(process.stdout.fd));

module.exports = { logger, audit, errors, plain };
