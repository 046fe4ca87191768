'use strict';
const http = require('http');
const { log } = require('./lib/logger');

const server = http.createServer((req, res) => {
  log.info({ url: req.url, correlationId: req.correlationId }, 'Request received');
  res.end();
});

server.on('error', (error) => log.error({ error }, 'Server error'));
server.listen(3000, () => log.info({ port: 3000 }, 'Listening'));
