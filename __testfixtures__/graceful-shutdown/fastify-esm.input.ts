import Fastify from 'fastify';
import { createClient } from 'redis';

const app = Fastify({ logger: true });
const cache = createClient({ url: process.env.REDIS_URL }).on('error', (err) => app.log.error(err));

app.get('/ping', async () => ({ pong: true }));

const start = async () => {
  try {
    await cache.connect();
    await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
  } catch (err) {
    app.log.error(err);
    process.exit(1);
  }
};

start();
