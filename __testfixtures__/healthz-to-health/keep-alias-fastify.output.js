const fastify = require('fastify')({ logger: true });

async function routes(app) {
  app.get('/health', async () => {
    return { status: 'ok' };
  });

  app.get('/healthz', async () => {
    return { status: 'ok' };
  });
}

fastify.register(routes);
fastify.route({ method: 'GET', url: '/health/deep', handler: deepCheck });
fastify.route({ method: 'GET', url: '/healthz/deep', handler: deepCheck });

module.exports = fastify;
