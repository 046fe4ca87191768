const logger = require('pino-logger');
logger.info('pay up');
