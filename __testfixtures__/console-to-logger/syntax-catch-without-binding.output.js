const { logger } = require('./lib/logger');

function load(text) {
  try {
    return JSON.parse(text);
  } catch {
    logger.warn('Ignoring a config that is not JSON');
    return {};
  }
}

module.exports = { load };
