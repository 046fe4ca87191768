import winston from 'winston';
import path from 'path';

const logDir = process.env.LOG_DIR ?? 'logs';

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: 'billing-api' },
  transports: [
    new winston.transports.Console(),

    new winston.transports.File({ filename: path.join(logDir, 'error.log'), level: 'error' }),
    new winston.transports.File({ filename: path.join(logDir, 'combined.log') }),
  ],
});
