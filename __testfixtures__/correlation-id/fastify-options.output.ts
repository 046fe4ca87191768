import Fastify from 'fastify';
import { catalogRoutes } from './routes/catalog';

const server = Fastify({
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  trustProxy: true,
  requestIdHeader: 'x-correlation-id',
});

server.register(catalogRoutes, { prefix: '/catalog' });

server.listen({ port: 3000, host: '0.0.0.0' });
