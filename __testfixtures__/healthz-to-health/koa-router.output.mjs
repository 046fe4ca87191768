import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

router.get('/health', (ctx) => {
  ctx.body = { ok: true }
})

router.get('/orders', listOrders)

app.use(router.routes())
export default app
