import Koa from 'koa';
import { koaCorrelationId } from './middleware/correlation-id.js';

const app = new Koa();
app.use(koaCorrelationId);
app.use(async (ctx) => {
  ctx.body = { orders: [] };
});

app.listen(3001);
