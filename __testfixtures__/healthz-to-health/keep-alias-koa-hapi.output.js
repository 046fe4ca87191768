const Router = require('@koa/router');
const Hapi = require('@hapi/hapi');

const router = new Router();
router.get(['/health', '/healthz'], (ctx) => {
  ctx.body = 'ok';
});

async function start() {
  const server = Hapi.server({ port: 3000 });
  server.route([
    { method: 'GET', path: '/health', handler: () => 'ok' },
    { method: 'GET', path: '/orders', handler: listOrders },
  ]);
  server.route({ method: 'GET', path: '/healthz', handler: () => 'ok' });
  await server.start();
}

module.exports = { router, start };
