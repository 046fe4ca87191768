const Koa = require('koa');

const pool = new (require('pg').Pool)({
  connectionString: process.env.DATABASE_URL, // managed by the platform
  max: Number(process.env.DB_POOL_SIZE || 5),
  idleTimeoutMillis: 60000,
  connectionTimeoutMillis: 5000,
});

const app = new Koa();
app.context.db = pool;

module.exports = app;
