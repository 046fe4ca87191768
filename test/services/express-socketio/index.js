const express = require('express');
const http = require('http');
const SocketService = require('./socket-service');

const app = express();
app.get('/slow', (req, res) => {
  setTimeout(() => res.json({ status: 'done' }), Number(req.query.ms));
});

const server = http.createServer(app);
SocketService.getInstance(server);
server.listen(Number(process.env.PORT || 0), () => console.log(`listening on ${server.address().port}`));
