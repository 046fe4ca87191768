import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.get('/health', async () => ({ status: 'ok' }));

fastify.route({
  method: 'GET',
  url: '/internal/health',
  handler: async (_request, reply) => {
    reply.send({ status: 'ok' });
  },
});

fastify.get('/users/:id', async (request) => ({ id: (request.params as any).id }));

fastify.register(import('@fastify/under-pressure'), { exposeStatusRoute: '/health' });
fastify.register(healthRoutes, { prefix: '/health/v2' });

export default fastify;
