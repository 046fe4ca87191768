const express = require('express');
const client = require('prom-client');

const app = express();
const metrics = express();

metrics.get('/metrics', async (req, res) => {
  res.set('Content-Type', client.register.contentType);
  res.end(await client.register.metrics());
});

app.get('/', (req, res) => res.send('ok'));

app.listen(3000);
metrics.listen(9100);
