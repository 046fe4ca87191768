import express from 'express';
import { db } from './db';
import { logger } from './lib/logger';

const app = express();

logger.info('Service started');
logger.info('Connected to database');
logger.warn('Cache disabled');
logger.error('Shutting down');
logger.debug('Config loaded');
logger.debug('Entering handler setup');

export default app;
