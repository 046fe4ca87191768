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

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.info(`${signal} received, shutting down`);
  setTimeout(() => {
    console.error('Graceful shutdown timed out, forcing exit');
    process.exit(1);
  }, 25000).unref();
  try {
    // Load balancers keep routing here until they see the task draining or gone: keep serving a
    // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
    if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
    await new Promise((resolve, reject) => {
      // Keep-alive sockets outlive their last response and would hold close() until they time out:
      // close them as they fall idle (closeIdleConnections exists since Node 18.2).
      const closeIdle = setInterval(() => server.closeIdleConnections?.(), 100);
      server.close((err) => {
        clearInterval(closeIdle);
        if (err) reject(err);
        else resolve();
      });
      // Open websockets would too: socket.io disconnects them (and closes the server it is attached to).
      void io.close();
    });
    process.exit(0);
  } catch (err) {
    console.error('Graceful shutdown failed', err);
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
