const { shouldCache, hasYarn } = require('./settings');

async function handle(req, res) {
  if (shouldCache && !await shouldCache(req, res)) return false;
  const cmd = await (await hasYarn()
    ? 'yarn'
    : 'npm');
  console.log('handled', cmd);
  return true;
}

module.exports = { handle };
