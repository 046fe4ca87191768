const fastify = require('fastify')({ logger: true });

fastify.register(require('./routes/users'));

fastify.listen({ port: 3000 }, (err, address) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
  fastify.log.info(`server listening on ${address}`);
});

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  fastify.log.info({ signal }, 'Shutting down');
  setTimeout(() => {
    fastify.log.error('Graceful shutdown timed out, forcing exit');
    process.exit(1);
  }, 25000).unref();
  try {
    // Load balancers keep routing here until they see the task draining or gone: keep serving a
    // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
    if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
    // Fastify stops accepting connections, waits for in-flight requests and runs its onClose hooks.
    await fastify.close();
    process.exit(0);
  } catch (err) {
    fastify.log.error({ err }, 'Graceful shutdown failed');
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
