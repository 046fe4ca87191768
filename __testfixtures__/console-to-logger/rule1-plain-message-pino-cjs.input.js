'use strict';
const fastify = require('fastify')();

fastify.get('/ping', async () => 'pong');

fastify.listen({ port: 3000 }, () => {
  console.log('Server started');
  console.warn('Running without TLS');
});
