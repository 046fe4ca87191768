const express = require('express');

const app = express();
app.get('/health', (req, res) => res.send('ok'));
// shipshape-ignore-next-line healthz-to-health -- the old path stays for the legacy balancer
app.get('/legacy/healthz', (req, res) => res.send('ok'));

module.exports = app;
