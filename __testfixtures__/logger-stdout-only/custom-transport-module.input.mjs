import { createLogger, transports as winstonTransports } from 'winston';
import RotatingFile from '@acme/winston-rotating-file';
import DailyRotateFile from 'winston-daily-rotate-file';

const toDisk = process.env.LOG_TO_DISK === 'true';

export const logger = createLogger({
  transports: [
    new winstonTransports.Console(),
    ...(toDisk && [new RotatingFile({ path: '/var/log/app' })]),
  ],
});

export const legacy = createLogger({
  transports: [new DailyRotateFile({ filename: 'legacy-%DATE%.log' })],
});
