// Flushes spans on SIGTERM, then exits: the HTTP server is never drained.
const sdk = {
  shutdown: () => new Promise((resolve) => setTimeout(() => resolve(console.log('telemetry flushed')), 50)),
};

process.on('SIGTERM', () => sdk.shutdown().finally(() => process.exit(0)));
