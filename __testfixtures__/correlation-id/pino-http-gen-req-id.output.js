const express = require('express');
const pino = require('pino-http')({ genReqId: (req) => req.correlationId });
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);

app.use(pino);
app.use(express.json());

module.exports = app;
