import express from 'express';
import { logger } from '@acme/logging';

const app = express();

app.use((err, req, res, next) => {
  logger.error({ err, path: req.path, correlationId: req.correlationId }, 'Request failed');
  res.status(500).end();
});

app.listen(8080, () => logger.info({ arg2: 8080 }, 'API listening'));
