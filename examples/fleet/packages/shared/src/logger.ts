import winston from 'winston';

// The fleet's structured logger: JSON lines on stdout, the service name on every line.
export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  defaultMeta: { service: process.env.SERVICE_NAME },
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});
