const express = require('express');
const { Pool } = require('pg');
const { logger } = require('./lib/logger');

const pool = new Pool();
const app = express();

app.get('/accounts/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM accounts WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

const server = app.listen(3000, () => logger.info('accounts up'));

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('Shutting down', { signal });
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
    await pool.end();
    process.exit(0);
  } catch (err) {
    logger.error('Graceful shutdown failed', { error: { message: err?.message, stack: err?.stack } });
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
