'use strict';
const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000, host: '0.0.0.0' });

  server.route({
    method: 'GET',
    path: '/healthz',
    handler: () => ({ status: 'ok' }),
  });

  server.route([
    { method: 'GET', path: '/v1/healthz', handler: () => 'ok' },
    { method: 'GET', path: '/v1/orders', handler: listOrders },
  ]);

  await server.start();
};

init();
