import { Hono } from 'hono';
import { users } from './users.js';
import { logger } from './lib/logger.js';

export const app = new Hono();
app.route('/users', users);
logger.info('Routes mounted');
