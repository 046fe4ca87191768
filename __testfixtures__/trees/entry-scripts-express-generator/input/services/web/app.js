const express = require('express');
const pinoHttp = require('pino-http')();

const app = express();

app.use(pinoHttp);
app.use(express.json());

app.get('/ping', (req, res) => {
  res.json({ id: req.id });
});

module.exports = app;
