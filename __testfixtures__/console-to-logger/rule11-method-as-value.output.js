const express = require('express');
const { fetchRates } = require('./rates');
const { logger } = require('./lib/logger');

fetchRates().then((value) => logger.info(value)).catch((err) => logger.error(err));
process.on('unhandledRejection', (err) => logger.error(err));
const warn = console.warn;

const app = express();
app.get('/rates', (req, res) => {
  fetchRates().catch((err) => logger.error({ error: err, correlationId: req.correlationId }));
  res.end();
});

module.exports = { app, warn };
