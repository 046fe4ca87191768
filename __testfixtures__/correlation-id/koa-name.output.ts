import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { router } from './router';
import { koaCorrelationId } from '@acme/http-kit';

export const app = new Koa();
app.proxy = true;
app.use(koaCorrelationId);

app.use(bodyParser());
app.use(router.routes());
