'use strict';
import { logger } from './lib/logger';

export async function start(config) {
  logger.info('Starting with', { port: config.port });
}
