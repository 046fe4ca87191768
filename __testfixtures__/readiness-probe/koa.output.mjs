import Koa from 'koa';
import { readiness } from './readiness.js';
import { markStarted } from './lifecycle.js';

const app = new Koa();

app.use(async (ctx, next) => {
  if (ctx.path !== '/ready') return next();
  const result = await readiness({}, 1000);
  ctx.status = result.status;
  ctx.body = result.body;
});

app.use(async (ctx) => {
  ctx.body = 'hello';
});

app.listen(3000, () => {
  markStarted();
  console.log('up');
});
