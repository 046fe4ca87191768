const { worker } = require('./worker');
const { logger } = require('./lib/logger');

logger.info('Worker booting');
logger.info('Worker booted');
logger.warn('Queue is slow', { lag: worker.lag });
logger.error('Worker crashed');
if (typeof window !== 'undefined') window.console.log('never on the server');
