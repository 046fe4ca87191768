import express from 'express';
import { getCorrelationId } from '@acme/observability';
import { logger } from '@acme/logger';

const app = express();

app.use(express.urlencoded({ extended: false }));

app.get('/whoami', (_req, res) => {
  logger.info({ correlationId: getCorrelationId() }, 'whoami');
  res.json({ service: 'identity' });
});

export default app;
