import Fastify from 'fastify';

const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });

app.get('/', async () => 'ok');

await app.listen({ port: 8080 });
