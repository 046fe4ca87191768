import { total } from './util';
import logger from 'pino-logger';
logger.info('total', { total: total([1, 2]) });
