const express = require('express');
const pinoHttp = require('pino-http');
const { httpLogOptions } = require('./config');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);
app.use(pinoHttp(httpLogOptions));

module.exports = app;
