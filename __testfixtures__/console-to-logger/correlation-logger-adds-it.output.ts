import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { logger } from './lib/logger';

export function list(req: Request, res: Response) {
  logger.info({ page: req.query.page }, 'Listing users');
  res.end();
}

export function devMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  logger.info({ url: req.url }, 'Dev request');
  next();
}
