const winston = require('winston');
const pino = require('pino');
require('winston-daily-rotate-file');

const logger = winston.createLogger({
  transports: [
    new winston.transports.Console(),
    new winston.transports.DailyRotateFile({ filename: 'rotating-%DATE%.log' }),
  ],
});
logger.exceptions.handle(new winston.transports.Console());

const metrics = pino(pino.destination('./metrics.log'));

module.exports = { logger, metrics };
