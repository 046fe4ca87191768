import { server } from './server';
import { logger } from './lib/logger';

export function announce(port: number, host: string) {
  logger.info(`Listening on ${host}:${port}`);
  logger.info(`Listening on ${host}`, { port });
  logger.info('User ' + host + ' created');
  logger.info('Proxy ready for ' + host, { port });
  logger.info(`Ready: ${host}:${port} after`, { uptime: server.uptime() });
}
