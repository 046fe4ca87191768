const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const router = require('./router');
const { koaCorrelationId } = require('./middleware/correlation-id');

const app = new Koa();
app.proxy = true;
app.use(koaCorrelationId);
app.use(bodyParser());
app.use(router.routes());

app.listen(3000);
