const express = require('express');
const { shutdown } = require('./lib/ops');

const app = express();
const server = require('./metrics').createMetricsServer();

app.get('/ops/drain', (req, res) => {
  shutdown();
  res.sendStatus(202);
});

app.listen(8080);
