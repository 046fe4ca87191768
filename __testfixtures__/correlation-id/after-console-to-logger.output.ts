import express from 'express';
import { logger } from './lib/logger';
import { correlationIdMiddleware } from './lib/correlation-id';

const app = express();
app.use(correlationIdMiddleware);
app.use(express.json());

app.use((err, req, res, next) => {
  logger.error('Request failed', { error: err instanceof Error ? { message: err.message, stack: err.stack } : err, correlationId: req.correlationId });
  res.status(500).end();
});
