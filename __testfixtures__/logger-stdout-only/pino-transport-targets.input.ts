import pino from 'pino';
import Fastify from 'fastify';

export const logger = pino({
  level: 'info',
  transport: {
    targets: [
      { target: 'pino-pretty', level: 'debug', options: { colorize: true } },
      // the on-call dashboard tails this file
      { target: 'pino/file', level: 'warn', options: { destination: '/var/log/api/warn.log', mkdir: true } },
    ],
  },
});

const app = Fastify({
  logger: {
    level: 'info',
    transport: { target: 'pino/file', options: { destination: `${process.cwd()}/logs/http.log` } },
  },
});

export const stdoutOnly = pino({ transport: { target: 'pino/file', options: { destination: 1 } } });

export default app;
