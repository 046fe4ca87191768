var winston = require('winston');
require('winston-daily-rotate-file');

winston.remove(winston.transports.Console);
winston.add(winston.transports.Console, { timestamp: true, colorize: false });
winston.add(winston.transports.DailyRotateFile, {
  filename: './logs/worker.log',
  datePattern: 'yyyy-MM-dd.',
  prepend: true,
});

module.exports = winston;
