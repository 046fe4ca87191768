const { shouldCache, hasYarn } = require('./settings');
const { logger } = require('./lib/logger');

async function handle(req, res) {
  if (shouldCache && !await shouldCache(req, res)) return false;
  const cmd = await (await hasYarn()
    ? 'yarn'
    : 'npm');
  logger.info('handled', { cmd, correlationId: req.correlationId });
  return true;
}

module.exports = { handle };
