const logger = require('pino-logger');
logger.info('cart up');
