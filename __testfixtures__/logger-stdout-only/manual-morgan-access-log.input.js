const express = require('express');
const morgan = require('morgan');
const fs = require('fs');
const path = require('path');

const app = express();

const accessLogStream = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });
app.use(morgan('combined', { stream: accessLogStream }));
app.use(morgan('dev', { stream: fs.createWriteStream('/var/log/api/dev.log', { flags: 'a' }) }));
app.use(morgan('tiny'));

module.exports = app;
