import winston from 'winston';
import { ConfigService } from './config.service';

export function buildTransports(config: ConfigService): winston.transport[] {
  const list: winston.transport[] = [new winston.transports.Console({ level: config.logLevel })];
  return list;
}

export function auditTransport(): winston.transport {
  return new (winston.transports.File)({ filename: 'audit.log' });
}
