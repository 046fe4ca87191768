'use strict';

const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: process.env.PORT || 3000, host: '0.0.0.0' });
  server.route({ method: 'GET', path: '/health', handler: () => ({ status: 'ok' }) });
  await server.start();
  console.log('Server running on %s', server.info.uri);
};

init();
