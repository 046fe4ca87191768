import { Client } from 'pg';
import { createPool } from 'mysql2/promise';
import { Pool as GenericPool } from 'generic-pool';
import { Pool } from './pool';

export async function migrate(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

export const mysql = createPool({ uri: process.env.MYSQL_URL });
export const workers = new GenericPool({ size: 4 });
export const local = new Pool();
