const { load } = require('./config');
const { logger } = require('./lib/logger');

load().catch((err) => {
  logger.error({ err }, 'error in rule8-no-message-pino-cjs');
});
load().then((config) => logger.info({ config, env: config.env }, 'config in rule8-no-message-pino-cjs'));
