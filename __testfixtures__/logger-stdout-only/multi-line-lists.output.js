const winston = require('winston');
const {
  Console,
} = winston.transports;

const logger = winston.createLogger({ transports: [new Console()] });

logger.exceptions.handle(
  new Console({ level: 'error' }),
);

module.exports = logger;
