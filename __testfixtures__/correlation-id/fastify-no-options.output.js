'use strict';

const fastify = require('fastify')({ requestIdHeader: 'x-correlation-id' });

fastify.get('/ping', async () => ({ pong: true }));

fastify.listen({ port: 3000 });
