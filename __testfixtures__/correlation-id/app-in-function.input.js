const express = require('express');
const bodyParser = require('body-parser');
const routes = require('./routes');

function createApp(config) {
  const app = express();
  const port = config.port || 4000;
  app.set('port', port);

  app.use(bodyParser.json());
  routes.register(app);
  return app;
}

function createAdminApp() {
  const app = express();
  app.get('/admin/stats', (req, res) => res.json({ uptime: process.uptime() }));
  return app;
}

module.exports = { createApp, createAdminApp };
