const winston = require('winston');

const mode = process.env.LOG_MODE;

module.exports = winston.createLogger({
  transports: [
    new winston.transports.Console(),
    mode === 'disk' ? (process.env.ROTATE ? new winston.transports.File({ filename: 'rotated.log' }) : null) : null,
  ].filter(Boolean),
});
