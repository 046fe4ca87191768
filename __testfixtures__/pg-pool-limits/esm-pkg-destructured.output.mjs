import pkg from 'pg';
import { readFileSync } from 'node:fs';

const { Pool: PgPool, Client } = pkg;
const ReadPool = pkg.Pool;

export const primary = new PgPool({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca: readFileSync('/etc/ssl/rds.pem', 'utf8') },
  max: Number(process.env.PG_POOL_MAX ?? 10),
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000,
});

export const replica = new ReadPool({ connectionString: process.env.REPLICA_URL, connectionTimeoutMillis: 5000, max: Number(process.env.PG_POOL_MAX ?? 10), idleTimeoutMillis: 30000 });

export const listener = new Client({ connectionString: process.env.DATABASE_URL });
