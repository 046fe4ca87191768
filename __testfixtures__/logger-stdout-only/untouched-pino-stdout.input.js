const pino = require('pino');

const logger = pino(
  { level: process.env.LOG_LEVEL || 'info' },
  pino.destination({ dest: 1, sync: false }),
);

const pretty = pino({
  transport: {
    targets: [
      { target: 'pino-pretty', options: { destination: 1 } },
      { target: 'pino/file', options: { destination: '/dev/stdout' } },
      { target: 'pino/file' },
    ],
  },
});

module.exports = { logger, pretty, stderr: pino(pino.destination(process.stderr.fd)) };
