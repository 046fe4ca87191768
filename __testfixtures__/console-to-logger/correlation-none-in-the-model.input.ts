import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';

export function list(req: Request, res: Response) {
  console.log('Listing users', req.query.page);
  res.end();
}

export function devMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  console.log('Dev request', req.url);
  next();
}
