const Hapi = require('@hapi/hapi');
const { routes } = require('./routes');

function createServer() {
  const server = new Hapi.Server({ port: 3000 });
  server.route(routes);
  return server;
}

module.exports = { createServer };
