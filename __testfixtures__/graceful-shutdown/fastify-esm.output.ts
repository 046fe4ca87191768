import Fastify from 'fastify';
import { createClient } from 'redis';

const app = Fastify({ logger: true });
const cache = createClient({ url: process.env.REDIS_URL }).on('error', (err) => app.log.error(err));

app.get('/ping', async () => ({ pong: true }));

const start = async () => {
  try {
    await cache.connect();
    await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });

    // Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
    let shuttingDown = false;

    async function shutdown(signal: NodeJS.Signals): Promise<void> {
      if (shuttingDown) return;
      shuttingDown = true;
      app.log.info({ signal }, 'Shutting down');
      setTimeout(() => {
        app.log.error('Graceful shutdown timed out, forcing exit');
        process.exit(1);
      }, 30000).unref();
      try {
        // Fastify stops accepting connections, waits for in-flight requests and runs its onClose hooks.
        await app.close();
        await cache.quit();
        process.exit(0);
      } catch (err) {
        app.log.error({ err }, 'Graceful shutdown failed');
        process.exit(1);
      }
    }

    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (err) {
    app.log.error(err);
    process.exit(1);
  }
};

start();
