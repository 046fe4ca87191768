import winston from 'winston';
import DailyRotateFile = require('winston-daily-rotate-file');
import { ConfigService } from './config.service';

export function buildTransports(config: ConfigService): winston.transport[] {
  const list: winston.transport[] = [new winston.transports.Console({ level: config.logLevel })];
  if (config.logToFile) {
    list.push(
      new DailyRotateFile({
        dirname: config.logDir,
        filename: 'api-%DATE%.log',
        handleExceptions: true,
      }),
    );
  }
  return list;
}

export function auditTransport(): winston.transport {
  return new (winston.transports.File)({ filename: 'audit.log' });
}

winston.add(new winston.transports.File({ filename: 'default.log' }));
