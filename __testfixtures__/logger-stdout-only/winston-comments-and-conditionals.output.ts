import * as winston from 'winston';

const env = process.env.NODE_ENV ?? 'development';

export const logger = winston.createLogger({
  level: 'debug',
  transports: [
    ...(env === 'production'
      ? [new winston.transports.Console()]
      : [new winston.transports.Console({ format: winston.format.cli() })]),
  ],
  rejectionHandlers: [
    new winston.transports.Console(),
  ].filter(Boolean) as winston.transport[],
});

winston.configure({
  transports: new winston.transports.Console(),
});
