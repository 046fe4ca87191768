import { db } from './db.js';
import { logger } from './lib/logger.js';

export async function connect() {
  await db.connect();
  logger.info(`Connected to ${db.name}`);
  logger.info({ size: db.pool.size }, `Connected to ${db.name}`);
}
