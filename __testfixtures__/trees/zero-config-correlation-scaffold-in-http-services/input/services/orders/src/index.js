import Koa from 'koa';

const app = new Koa();
app.use(async (ctx) => {
  ctx.body = { orders: [] };
});

app.listen(3001);
