'use strict';

require('dotenv').config();
const newrelic = require('newrelic');
newrelic.addCustomAttribute('boot', 1);
const express = require('express');

const app = express();
app.use(express.json());
module.exports = app;
