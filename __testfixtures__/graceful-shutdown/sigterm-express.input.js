'use strict';

const express = require('express');

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.get('/reports/slow', async (req, res) => {
  // A report that takes a while: the request a deploy must not cut.
  await new Promise((resolve) => setTimeout(resolve, Number(req.query.ms) || 1000));
  res.json({ status: 'done' });
});

app.get('/ping', (req, res) => res.json({ ok: true }));

app.listen(port, function onListening() {
  console.log(`reports listening on ${this.address().port}`);
});
