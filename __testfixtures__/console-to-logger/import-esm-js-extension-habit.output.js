import express from 'express';
import { db } from './db.js';
import { routes } from './routes/index.js';
import { logger } from './lib/logger.js';

const app = express();
app.use(routes);
await db.connect();
logger.info('Orders service ready');
