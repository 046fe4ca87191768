// init tracing: MUST be done before loading anything else
var tracing = require('./tracing');
tracing.start();

var express = require('express'),
    app = express(),
    port = process.env.PORT || 3000;

app.get('/ping', function (req, res) {
  res.json({ id: req.correlationId || null, loadedFirst: tracing.loadedFirst() });
});

app.listen(port, '127.0.0.1', function () {
  console.log('listening on ' + this.address().port);
});
