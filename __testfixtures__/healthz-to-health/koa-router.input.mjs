import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

router.get('/healthz', (ctx) => {
  ctx.body = { ok: true }
})

router.get('/orders', listOrders)

app.use(router.routes())
export default app
