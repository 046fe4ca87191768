import https from 'node:https';
import { readFileSync } from 'node:fs';
import express from 'express';

const app = express();
app.get('/status', (_req, res) => res.json({ up: true }));

const tls = {
  key: readFileSync(process.env.TLS_KEY_PATH!),
  cert: readFileSync(process.env.TLS_CERT_PATH!),
};

const server = https.createServer(tls, app).listen(8443, () => {
  console.log('TLS listening on 8443');
});

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
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
    await new Promise<void>((resolve, reject) => {
      // Keep-alive sockets outlive their last response and would hold close() until they time out:
      // close them as they fall idle (closeIdleConnections exists since Node 18.2; older typings lack it).
      const closeIdle = setInterval(() => (server as { closeIdleConnections?(): void }).closeIdleConnections?.(), 100);
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
process.once('SIGINT', shutdown);
