import { connect } from './db.js';
import { logger } from './lib/logger.js';

await connect();
logger.debug('Connected');
logger.verbose('Pool stats', { stats: connect.stats });
logger.fatal('Fatal startup error');
logger.info('Ready');
