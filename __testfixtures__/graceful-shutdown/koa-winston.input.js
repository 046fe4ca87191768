const Koa = require('koa');
const Router = require('@koa/router');
const mongoose = require('mongoose');
const winston = require('winston');

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

const app = new Koa();
const router = new Router();

router.get('/catalog', async (ctx) => {
  ctx.body = await mongoose.model('Item').find().lean();
});

app.use(router.routes());

mongoose.connect(process.env.MONGO_URL).then(() => logger.info('mongo connected'));

app.listen(3000, () => logger.info('catalog listening', { port: 3000 }));
