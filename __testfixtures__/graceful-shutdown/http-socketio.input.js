const http = require('http');
const express = require('express');
const { Server } = require('socket.io');

const app = express();
const server = http.createServer(app);
const io = new Server(server, { cors: { origin: '*' } });

io.on('connection', (socket) => {
  socket.on('chat:message', (msg) => io.emit('chat:message', msg));
});

app.get('/', (req, res) => res.send('chat'));

server.listen(process.env.PORT || 4000, () => {
  console.log('chat server ready');
});
