import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'http' {
  interface IncomingMessage {
    correlationId?: string;
  }
}

// Only IDs that are safe to write into logs are taken from the caller; anything else gets a new one.
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-correlation-id');
  const id = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.correlationId = id;
  res.setHeader('x-correlation-id', id);
  next();
}
