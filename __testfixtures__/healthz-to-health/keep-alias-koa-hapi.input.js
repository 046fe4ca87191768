const Router = require('@koa/router');
const Hapi = require('@hapi/hapi');

const router = new Router();
router.get('/healthz', (ctx) => {
  ctx.body = 'ok';
});

async function start() {
  const server = Hapi.server({ port: 3000 });
  server.route([
    { method: 'GET', path: '/healthz', handler: () => 'ok' },
    { method: 'GET', path: '/orders', handler: listOrders },
  ]);
  await server.start();
}

module.exports = { router, start };
