'use strict';
const express = require('express');
const { readiness } = require('./readiness');
const { markStarted } = require('./lifecycle');

const app = express();
app.use(express.json());

app.get('/health', (req, res) => res.json({ status: 'ok' }));

app.get('/ready', async (_req, res) => {
  const result = await readiness({}, 1000);
  res.status(result.status).json(result.body);
});

app.get('/users', (req, res) => res.json([]));

app.listen(process.env.PORT || 3000, () => markStarted());
