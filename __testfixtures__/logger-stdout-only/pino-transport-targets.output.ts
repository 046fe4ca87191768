import pino from 'pino';
import Fastify from 'fastify';

export const logger = pino({
  level: 'info',
  transport: {
    targets: [
      { target: 'pino-pretty', level: 'debug', options: { colorize: true } },
    ],
  },
});

const app = Fastify({
  logger: {
    level: 'info',
    transport: { target: 'pino/file', options: { destination: 1 } },
  },
});

export const stdoutOnly = pino({ transport: { target: 'pino/file', options: { destination: 1 } } });

export default app;
