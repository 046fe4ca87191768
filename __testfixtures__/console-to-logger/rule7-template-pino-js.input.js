import { db } from './db.js';

export async function connect() {
  await db.connect();
  console.log(`Connected to ${db.name}`);
  console.log(`Connected to ${db.name}:`, db.pool.size);
}
