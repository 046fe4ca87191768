import Fastify from 'fastify';
import { createClient } from 'redis';

const app = Fastify({ logger: true });
const cache = createClient({ url: process.env.REDIS_URL }).on('error', (err) => app.log.error(err));

app.get('/ping', async () => ({ pong: true }));

let shutdownRegistered = false;

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
      }, 25000).unref();
      try {
        // Load balancers keep routing here until they see the task draining or gone: keep serving a
        // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
        if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
        // Fastify stops accepting connections, waits for in-flight requests and runs its onClose hooks.
        await app.close();
        await cache.quit();
        process.exit(0);
      } catch (err) {
        app.log.error({ err }, 'Graceful shutdown failed');
        process.exit(1);
      }
    }

    if (!shutdownRegistered) {
      shutdownRegistered = true;
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    }
  } catch (err) {
    app.log.error(err);
    process.exit(1);
  }
};

start();
