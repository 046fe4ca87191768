const express = require('express');
const { readiness } = require('./readiness');
const { markStarted } = require('./lifecycle');

const app = express();

app.get('/health', (req, res) => res.send('ok'));

app.get('/ready', async (_req, res) => {
  const result = await readiness({}, 1000);
  res.status(result.status).json(result.body);
});

if (process.env.BIND_DEFAULT) app.listen(() => markStarted());
else app.listen(3000, () => {
  markStarted();
  (console.log('up'));
});
