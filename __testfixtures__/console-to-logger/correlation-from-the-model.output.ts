import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { logger } from './lib/logger';

export function list(req: Request, res: Response) {
  logger.info('Listing users', { page: req.query.page, correlationId: req.id });
  res.end();
}

export function devMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  logger.info('Dev request', { url: req.url });
  next();
}
