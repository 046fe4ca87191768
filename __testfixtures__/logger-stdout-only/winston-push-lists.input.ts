import winston from 'winston';
import path from 'node:path';
import { settings } from './settings';

const transports: winston.transport[] = [new winston.transports.Console()];

// Disk logs for the VM deployment; containers have read-only filesystems.
if (!settings.inContainer) {
  transports.push(new winston.transports.File({ filename: path.join(settings.logDir, 'error.log'), level: 'error' }));
  transports.push(new winston.transports.File({ filename: path.join(settings.logDir, 'app.log') }));
}

export function auditLogger(files: string[]) {
  const sinks: winston.transport[] = [];
  if (settings.verbose) {
    sinks.push(new winston.transports.Console({ level: 'debug' }));
  }
  files.forEach((file) => {
    sinks.push(new winston.transports.File({ filename: file }));
  });
  return winston.createLogger({ transports: sinks });
}

export const logger = winston.createLogger({ level: settings.logLevel, transports });
