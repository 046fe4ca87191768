import winston from 'winston';

const logDir = process.env.LOG_DIR ?? 'logs';

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: 'billing-api' },
  transports: [
    new winston.transports.Console(),
  ],
});
