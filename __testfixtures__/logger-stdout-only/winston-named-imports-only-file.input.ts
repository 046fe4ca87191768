import { createLogger, format } from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';

const rotating = new DailyRotateFile({
  dirname: '/var/log/orders',
  filename: 'orders-%DATE%.log',
  zippedArchive: true,
});

export const logger = createLogger({
  format: format.json(),
  transports: [rotating],
  exceptionHandlers: [new DailyRotateFile({ filename: 'exceptions-%DATE%.log' })],
});
