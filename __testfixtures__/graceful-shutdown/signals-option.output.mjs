import express from 'express';

const app = express();
app.get('/', (req, res) => res.send('ok'));
const server = app.listen(3000);

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.info(`${signal} received, shutting down`);
  setTimeout(() => {
    console.error('Graceful shutdown timed out, forcing exit');
    process.exit(1);
  }, 10000).unref();
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
    console.error('Graceful shutdown failed', err);
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
