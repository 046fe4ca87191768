const express = require('express');
const { logger } = require('./lib/logger');

const app = express();
// Request logging used to be console.log here; the access log now comes from the proxy.
app.get('/orders', (req, res) => res.json([]));

const server = app.listen(process.env.PORT || 3000);

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal} received, shutting down`);
  setTimeout(() => {
    logger.error('Graceful shutdown timed out, forcing exit');
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
    });
    process.exit(0);
  } catch (err) {
    logger.error('Graceful shutdown failed', err);
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
module.exports = server;
