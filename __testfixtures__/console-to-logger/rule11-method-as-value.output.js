const express = require('express');
const { fetchRates } = require('./rates');
const { logger } = require('./lib/logger');

fetchRates().then((value) => logger.info('value in rule11-method-as-value', { value })).catch((err) => logger.error('error in rule11-method-as-value', err));
process.on('unhandledRejection', (err) => logger.error('error in rule11-method-as-value', err));
const warn = console.warn;

const app = express();
app.get('/rates', (req, res) => {
  fetchRates().catch((err) => logger.error('error in rule11-method-as-value', { error: err instanceof Error ? { message: err.message, stack: err.stack } : err, correlationId: req.correlationId }));
  res.end();
});

module.exports = { app, warn };
