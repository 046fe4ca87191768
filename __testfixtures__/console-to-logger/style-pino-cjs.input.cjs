'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('Request received:', req.url);
  res.end();
});

server.on('error', (error) => console.error('Server error', error));
server.listen(3000, () => console.log('Listening', { port: 3000 }));
