const express = require('express');
const db = require('./db');

async function capture(paymentId) {
  const result = await db.query('UPDATE payments SET status = $1', ['captured']);
  console.log('Payment captured:', paymentId, { rows: result.rowCount, paymentId });
  const context = { region: process.env.REGION, shard: 3 };
  console.log('Capture context', context, Object.assign({}, result.meta));
  console.log('Empty meta', {});
  console.log({ paymentId, status: 'captured' });
  console.log('Retrying capture', result.attempt, { attempt: result.attempt + 1, message: 'again' });
}

module.exports = { capture };
