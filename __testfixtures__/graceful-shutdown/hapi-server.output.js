'use strict';

const Hapi = require('@hapi/hapi');

let shutdownRegistered = false;

const init = async () => {
  const server = Hapi.server({ port: process.env.PORT || 3000, host: '0.0.0.0' });
  server.route({ method: 'GET', path: '/health', handler: () => ({ status: 'ok' }) });
  await server.start();

  // Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
  let shuttingDown = false;

  async function shutdown(signal) {
    if (shuttingDown) return;
    shuttingDown = true;
    console.info(`${signal} received, shutting down`);
    setTimeout(() => {
      console.error('Graceful shutdown timed out, forcing exit');
      process.exit(1);
    }, 25000).unref();
    try {
      // Load balancers keep routing here until they see the task draining or gone: keep serving a
      // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
      if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
      // hapi stops accepting connections and waits up to the timeout for in-flight requests.
      await server.stop({ timeout: 20000 });
      process.exit(0);
    } catch (err) {
      console.error('Graceful shutdown failed', err);
      process.exit(1);
    }
  }

  if (!shutdownRegistered) {
    shutdownRegistered = true;
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  }
  console.log('Server running on %s', server.info.uri);
};

init();
