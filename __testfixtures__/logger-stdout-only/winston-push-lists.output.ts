import winston from 'winston';
import { settings } from './settings';

const transports: winston.transport[] = [new winston.transports.Console()];

export function auditLogger(files: string[]) {
  const sinks: winston.transport[] = [];
  if (settings.verbose) {
    sinks.push(new winston.transports.Console({ level: 'debug' }));
  }
  return winston.createLogger({ transports: sinks });
}

export const logger = winston.createLogger({ level: settings.logLevel, transports });
