import express, { Request, Response, NextFunction } from 'express';
import { logger } from './lib/logger';

const router = express.Router();

router.get('/orders/:id', (req, res) => {
  logger.info('Fetching order', { id: req.params.id, correlationId: req.correlationId });
  res.json({});
});

router.post('/orders', async (req, res, next) => {
  logger.info('Creating order', { correlationId: req.correlationId });
  next();
});

export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  logger.error('Unhandled error', { error: err instanceof Error ? { message: err.message, stack: err.stack } : err, correlationId: req.correlationId });
  res.status(500).end();
}

export function audit(req: Request) {
  logger.info('Audit', { path: req.path, correlationId: req.correlationId });
}

export function helper(req: string) {
  logger.info('Not a handler', { req });
}

router.get('/health', (req, res) => {
  const check = (req: number) => logger.info('Inner function', { req });
  check(1);
  res.end();
});
