export { logger } from './logger';
export { correlationIdMiddleware } from './correlation-id';
