const winston = require('winston');
require('winston-daily-rotate-file');

const rotateTransport = new winston.transports.DailyRotateFile({
  filename: 'logs/api-%DATE%.log',
  datePattern: 'YYYY-MM-DD-HH',
});

rotateTransport.on('rotate', (oldFilename, newFilename) => {
  uploadToArchive(oldFilename);
});

const logger = winston.createLogger({
  transports: [new winston.transports.Console(), rotateTransport],
});

function uploadToArchive(file) {
  return require('./archive').upload(file);
}

module.exports = logger;
