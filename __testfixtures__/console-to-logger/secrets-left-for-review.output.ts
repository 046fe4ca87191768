import { logger } from './lib/logger';
export function boot(config: { apiKey: string; port: number; key: string }) {
  console.log(process.env.JWT_KEY);
  console.log('Database', process.env.DATABASE_URL);
  console.log('Using key', config.apiKey);
  console.log(`token=${accessToken}`);
  logger.info('Listening on {PORT} in {NODE_ENV}', { PORT: process.env.PORT, NODE_ENV: process.env.NODE_ENV });
  logger.info('Cache key', { key: config.key });
}

declare const accessToken: string;
