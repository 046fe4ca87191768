const express = require('express');
const pinoHttp = require('pino-http')({ genReqId: (req) => req.correlationId });
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);

app.use(pinoHttp);
app.use(express.json());

app.get('/ping', (req, res) => {
  res.json({ id: req.id });
});

module.exports = app;
