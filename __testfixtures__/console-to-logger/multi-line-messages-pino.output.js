const { logger } = require('./lib/logger');
async function charge(payment, err) {
  logger.error({ err }, `Charge ${payment.id}
    declined`);
  logger.warn({ err },
    `{err} while charging
     ${payment.id}`);
  logger.info({
    id: payment.id,
    amount: payment.amount
  }, '[payments] charged');
}

module.exports = { charge };
