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

const server = app.listen(3000, () => logger.info('catalog listening', { port: 3000 }));

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('Shutting down', { signal });
  setTimeout(() => {
    logger.error('Graceful shutdown timed out, forcing exit');
    process.exit(1);
  }, 25000).unref();
  try {
    // Load balancers keep routing here until they see the task draining or gone: keep serving a
    // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
    if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
    await new Promise((resolve, reject) => {
      // Keep-alive sockets outlive their last response and would hold close() until they time out:
      // close them as they fall idle (closeIdleConnections exists since Node 18.2).
      const closeIdle = setInterval(() => server.closeIdleConnections?.(), 100);
      server.close((err) => {
        clearInterval(closeIdle);
        if (err) reject(err);
        else resolve();
      });
    });
    await mongoose.connection.close();
    process.exit(0);
  } catch (err) {
    logger.error('Graceful shutdown failed', { error: { message: err?.message, stack: err?.stack } });
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
