const { buildApp } = require('./build');

module.exports = buildApp({ logger: true });
