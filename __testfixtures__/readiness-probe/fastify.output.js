const fastify = require('fastify')({ logger: true });
const { readiness } = require('./readiness');
const { markStarted } = require('./lifecycle');

fastify.get('/health', async () => ({ status: 'ok' }));

fastify.get('/ready', async (_request, reply) => {
  const result = await readiness({}, 1000);
  return reply.code(result.status).send(result.body);
});

const start = async () => {
  try {
    await fastify.listen({ port: 3000, host: '0.0.0.0' });
    markStarted();
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
};
start();
