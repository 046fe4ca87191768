const winston = require('winston');
const pino = require('pino');
require('winston-daily-rotate-file');

const fileTransport = new winston.transports.File({ filename: 'app.log' });

const logger = winston.createLogger({
  transports: [
    process.env.LOG_FORMAT === 'file' ? new winston.transports.File({ filename: 'fmt.log' }) : new winston.transports.Console(),
    new winston.transports.DailyRotateFile({ filename: 'rotating-%DATE%.log' }),
  ],
});
logger.add(fileTransport);
logger.exceptions.handle(new winston.transports.Console(), new winston.transports.File({ filename: 'exceptions.log' }));

const metrics = pino(pino.destination('./metrics.log'));

module.exports = { logger, metrics };
