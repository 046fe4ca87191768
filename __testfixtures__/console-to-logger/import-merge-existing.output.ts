import express from 'express';
import { correlationIdMiddleware, logger } from '@acme/shared';

const app = express();
app.use(correlationIdMiddleware());
logger.info('Gateway ready');
