const express = require('express');
const pinoHttp = require('pino-http');
const { httpLogOptions } = require('./config');

const app = express();
app.use(pinoHttp(httpLogOptions));

module.exports = app;
