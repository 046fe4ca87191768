const express = require('express');
const pinoHttp = require('pino-http');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(pinoHttp());
app.use(correlationIdMiddleware);

module.exports = app;
