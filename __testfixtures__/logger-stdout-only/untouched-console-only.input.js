const winston = require('winston');
const { File } = require('buffer');

const logger = winston.createLogger({
  transports: [new winston.transports.Console(), new winston.transports.Http({ host: 'logs.internal', port: 8080 })],
});

function attachment(bytes) {
  return new File([bytes], 'report.pdf', { type: 'application/pdf' });
}

module.exports = { logger, attachment };

// Some images log through /dev/stdout with the File transport: that already is stdout.
module.exports.stdoutLogger = winston.createLogger({
  transports: [new winston.transports.File({ filename: '/dev/stdout', handleExceptions: true })],
});
