const express = require('express');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);
app.get('/items', (req, res) => res.json([]));

module.exports = app;
