const logger = require('pino-logger');
logger.info('billing up');
