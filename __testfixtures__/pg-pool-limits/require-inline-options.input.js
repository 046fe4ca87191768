const Koa = require('koa');

const pool = new (require('pg').Pool)({
  connectionString: process.env.DATABASE_URL, // managed by the platform
});

const app = new Koa();
app.context.db = pool;

module.exports = app;
