const winston = require('winston');
const {
  File,
  Console,
} = winston.transports;

const logger = winston.createLogger({ transports: [new Console()] });

logger.exceptions.handle(
  new Console({ level: 'error' }),
  new File({ filename: 'exceptions.log' }), // rotated by logrotate
);

module.exports = logger;
