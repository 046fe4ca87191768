'use strict';

const Hapi = require('@hapi/hapi');
const { hapiCorrelationId } = require('./middleware/correlation-id');

const init = async () => {
  const server = Hapi.server({ port: 3000, host: '0.0.0.0' });
  await server.register(hapiCorrelationId);

  server.route({ method: 'GET', path: '/', handler: () => 'ok' });

  await server.start();
};

init();
