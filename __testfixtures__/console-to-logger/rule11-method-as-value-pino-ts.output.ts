import { start } from './server';
import { logger } from './lib/logger';

start().then((value) => logger.info(value), (err) => logger.error(err));
