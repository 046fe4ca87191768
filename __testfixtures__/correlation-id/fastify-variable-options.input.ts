import { fastify, FastifyServerOptions } from 'fastify';

export function buildServer(opts: FastifyServerOptions) {
  const app = fastify(opts);
  app.get('/ready', async () => ({ ready: true }));
  return app;
}
