import { log } from '../utils/log';
import { db } from './db';

export async function migrate() {
  log.info('Starting migration');
  await db.migrate();
  console.log('Migration done');
}
