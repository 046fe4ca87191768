import winston from 'winston';

export const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
if (process.env.DEBUG_LOGGER) console.log('Logger created');
