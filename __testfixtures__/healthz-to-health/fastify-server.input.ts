import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.get('/healthz', async () => ({ status: 'ok' }));

fastify.route({
  method: 'GET',
  url: '/internal/healthz',
  handler: async (_request, reply) => {
    reply.send({ status: 'ok' });
  },
});

fastify.get('/users/:id', async (request) => ({ id: (request.params as any).id }));

fastify.register(import('@fastify/under-pressure'), { exposeStatusRoute: '/healthz' });
fastify.register(healthRoutes, { prefix: '/healthz/v2' });

export default fastify;
