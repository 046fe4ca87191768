const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const eventsRouter = require('./routes/events');

const app = new Koa();
const router = new Router();

router.get('/', (ctx) => {
  ctx.body = 'Events API';
});

app
  .use(bodyParser())
  .use(router.routes())
  .use(eventsRouter.routes())
  .listen(3000);
