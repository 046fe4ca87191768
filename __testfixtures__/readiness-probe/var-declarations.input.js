var express = require('express'),
    app = express(),
    server = require('http').Server(app);

var port = process.env.PORT || 4000;

app.get('/', function (req, res) {
  res.send('hi');
});

server.listen(port, function () {
  console.log('App running on port ' + port);
});
