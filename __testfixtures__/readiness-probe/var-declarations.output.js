var express = require('express'),
    app = express(),
    server = require('http').Server(app);

var { readiness } = require('./readiness');
var { markStarted } = require('./lifecycle');

app.get('/ready', async (_req, res) => {
  const result = await readiness({}, 1000);
  res.status(result.status).json(result.body);
});

var port = process.env.PORT || 4000;

app.get('/', function (req, res) {
  res.send('hi');
});

server.listen(port, function () {
  markStarted();
  console.log('App running on port ' + port);
});
