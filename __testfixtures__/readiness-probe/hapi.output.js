'use strict';
const Hapi = require('@hapi/hapi');
const { readiness } = require('./readiness');
const { markStarted } = require('./lifecycle');

const init = async () => {
  const server = Hapi.server({ port: 3000, host: '0.0.0.0' });
  server.route({ method: 'GET', path: '/health', handler: () => ({ status: 'ok' }) });

  server.route({
    method: 'GET',
    path: '/ready',
    handler: async (_request, h) => {
      const result = await readiness({}, 1000);
      return h.response(result.body).code(result.status);
    },
  });
  await server.start();
  markStarted();
  console.log('Server running on %s', server.info.uri);
};

init();
