const express = require('express');
const bodyParser = require('body-parser');
const routes = require('./routes');
const { correlationIdMiddleware } = require('./lib/correlation-id');

function createApp(config) {
  const app = express();
  const port = config.port || 4000;
  app.set('port', port);
  app.use(correlationIdMiddleware);

  app.use(bodyParser.json());
  routes.register(app);
  return app;
}

function createAdminApp() {
  const app = express();
  app.use(correlationIdMiddleware);
  app.get('/admin/stats', (req, res) => res.json({ uptime: process.uptime() }));
  return app;
}

module.exports = { createApp, createAdminApp };
