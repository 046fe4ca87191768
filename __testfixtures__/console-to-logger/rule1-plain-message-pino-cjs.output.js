'use strict';
const fastify = require('fastify')();
const { logger } = require('./lib/logger');

fastify.get('/ping', async () => 'pong');

fastify.listen({ port: 3000 }, () => {
  logger.info('Server started');
  logger.warn('Running without TLS');
});
