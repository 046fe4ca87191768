import Hapi from '@hapi/hapi';
import inert from '@hapi/inert';
import { hapiCorrelationId } from '@acme/http-kit';

export async function createServer(port: number) {
  const server = Hapi.server({ port });
  await server.register(hapiCorrelationId);

  await server.register(inert);
  server.route({ method: 'GET', path: '/health', handler: () => ({ ok: true }) });

  return server;
}
