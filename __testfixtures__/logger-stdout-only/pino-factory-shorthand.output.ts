import type { TransportTargetOptions } from 'pino';
import Fastify from 'fastify';

export const fileTarget = (destination = './logs/app.log'): TransportTargetOptions => ({
  level: 'debug',
  target: 'pino/file',
  options: {
    destination: 1,
    mkdir: true,
  },
});

export const stderrTarget: TransportTargetOptions = { target: 'pino/file', options: { destination: 2 } };

export function buildServer() {
  return Fastify({
    logger: {
      level: 'info',
      file: '/var/log/api/server.log',
    },
  });
}
