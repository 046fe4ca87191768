import { Pool, PoolConfig } from 'pg';

const base: PoolConfig = {
  connectionString: process.env.DATABASE_URL,
  max: 15,
};

export const writer = new Pool(base);
export const reader = new Pool({ ...base, connectionString: process.env.READER_URL });
export const audit = new Pool({ ...base, max: 2, idleTimeoutMillis: 1000, connectionTimeoutMillis: 500 });
