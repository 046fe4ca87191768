'use strict';
const winston = require('winston');
const { combine, timestamp, json } = winston.format;

const isProduction = process.env.NODE_ENV === 'production';

const logger = winston.createLogger({
  level: 'info',
  format: combine(timestamp(), json()),
  transports: [
    new winston.transports.Console({ silent: process.env.NODE_ENV === 'test' }),
  ],
  exitOnError: false,
});

module.exports = logger;
