const { logger } = require('./lib/logger');
function retry(fn, attempts) {
  logger.info('Retrying', { attempts });
  return fn();
}

module.exports = retry;
