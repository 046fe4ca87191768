import Fastify from 'fastify';
import { ordersRoutes } from './routes/orders.mjs';

const app = Fastify({ logger: true, trustProxy: true, requestIdHeader: 'x-correlation-id' });

app.register(ordersRoutes, { prefix: '/orders' });

await app.listen({ port: 3000 });
