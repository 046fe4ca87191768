export function boot(config: { apiKey: string; port: number; key: string }) {
  console.log(process.env.JWT_KEY);
  console.log('Database', process.env.DATABASE_URL);
  console.log('Using key', config.apiKey);
  console.log(`token=${accessToken}`);
  console.log('Listening on', process.env.PORT, 'in', process.env.NODE_ENV);
  console.log('Cache key', config.key);
}

declare const accessToken: string;
