const { logger } = require('./lib/logger');

logger.info('Starting');
logger.info('Started');
