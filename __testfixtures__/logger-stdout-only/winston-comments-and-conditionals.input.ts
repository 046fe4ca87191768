import * as winston from 'winston';
import 'winston-daily-rotate-file';

const env = process.env.NODE_ENV ?? 'development';

export const logger = winston.createLogger({
  level: 'debug',
  transports: [
    ...(env === 'production'
      ? [
          // audit keeps 90 days of files for compliance
          new winston.transports.DailyRotateFile({ filename: 'audit-%DATE%.log', maxFiles: '90d' }),
        ]
      : [new winston.transports.Console({ format: winston.format.cli() })]),
  ],
  rejectionHandlers: [
    new winston.transports.Console(),
    env === 'production' ? new winston.transports.File({ filename: 'rejections.log' }) : null,
  ].filter(Boolean) as winston.transport[],
});

winston.configure({
  transports: new winston.transports.File({ filename: 'default.log' }),
});
