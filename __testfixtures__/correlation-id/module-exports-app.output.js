var express = require('express');
var logger = require('morgan');
var cookieParser = require('cookie-parser');
var { correlationIdMiddleware } = require('./lib/correlation-id');

var app = module.exports = express();

app.set('views', __dirname + '/views');
app.set('view engine', 'ejs');
app.enable('strict routing');
app.use(correlationIdMiddleware);

app.use(logger('dev'));
app.use(cookieParser());

require('./routes')(app);
