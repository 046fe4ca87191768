import pkg from 'pg';
import { readFileSync } from 'node:fs';

const { Pool: PgPool, Client } = pkg;
const ReadPool = pkg.Pool;

export const primary = new PgPool({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca: readFileSync('/etc/ssl/rds.pem', 'utf8') },
});

export const replica = new ReadPool({ connectionString: process.env.REPLICA_URL, connectionTimeoutMillis: 5000 });

export const listener = new Client({ connectionString: process.env.DATABASE_URL });
