const { logger } = require('./lib/logger');

logger.info('Starting');
console.log('Started');
