const { load } = require('./config');
const { logger } = require('./lib/logger');

load().catch((err) => {
  logger.error(err);
});
load().then((config) => logger.info({ config, env: config.env }));
