'use strict';

require('dotenv').config();
const newrelic = require('newrelic');
newrelic.addCustomAttribute('boot', 1);
const { correlationIdMiddleware } = require('./middleware/correlation-id');
const express = require('express');

const app = express();
app.use(correlationIdMiddleware);
app.use(express.json());
module.exports = app;
