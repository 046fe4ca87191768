const express = require('express');
const db = require('./db');
const { logger } = require('./lib/logger');

async function capture(paymentId) {
  const result = await db.query('UPDATE payments SET status = $1', ['captured']);
  logger.info('Payment captured', { paymentId, rows: result.rowCount });
  const context = { region: process.env.REGION, shard: 3 };
  logger.info('Capture context', { ...context, ...Object.assign({}, result.meta) });
  logger.info('Empty meta');
  logger.info('paymentId in capture', { paymentId, status: 'captured' });
  logger.info('Retrying capture', { attempt: result.attempt, attempt2: result.attempt + 1, messageValue: 'again' });
}

module.exports = { capture };
