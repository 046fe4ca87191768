import { afterAll, describe, expect, it } from 'vitest';
import { get, LiveService, UUID_V4 } from './helpers/live-service';

/**
 * An Express-generator service (started by `node ./bin/www`, a script without extension) with
 * pino-http, migrated by a real run and started for real: the correlation ID is pino-http's req.id
 * on every request line, and SIGTERM drains and exits through the handler written into bin/www.
 */
const FILES = {
  'package.json': JSON.stringify({ name: 'web', private: true, scripts: { start: 'node ./bin/www' }, dependencies: { express: '^5', 'pino-http': '^10' } }, null, 2),
  'bin/www': `#!/usr/bin/env node

var app = require('../app');
var http = require('http');

var port = process.env.PORT || '3000';
var server = http.createServer(app);

server.listen(port);
server.on('listening', function () {
  console.log('listening on ' + server.address().port);
});
`,
  'app.js': `const express = require('express');
const pino = require('pino-http')();

const app = express();

app.use(pino);

app.get('/ping', (req, res) => {
  res.json({ id: req.id });
});

module.exports = app;
`,
};

const DRAIN_MS = 200;

/** pino-http's line for the request with this id, from what the process printed. */
function requestLine(output: string, id: string): any {
  const lines = output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return lines.find((l) => l.req?.id === id);
}

describe('live: a bin/www service with pino-http after migration', () => {
  const service = new LiveService();
  afterAll(() => service.stop());

  it('logs the correlation ID as req.id, with and without the header, and exits on SIGTERM within the drain and timeout', async () => {
    const outcome = await service.migrate(FILES, {}, ['correlation-id', 'graceful-shutdown', 'console-to-logger'], { 'graceful-shutdown': { drainDelayMs: DRAIN_MS, timeoutMs: 3000 } });
    expect(outcome.report.summary.errors).toBe(0);
    expect(service.read('bin/www')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(service.read('bin/www')).toContain("process.once('SIGTERM', shutdown);");
    expect(service.read('app.js')).toContain("require('pino-http')({ genReqId: (req) => req.correlationId })");

    const port = await service.start(['bin/www']);
    const given = await get(port, { 'x-correlation-id': 'order-42' });
    expect(given.header).toBe('order-42');
    expect(given.body.id).toBe('order-42');
    const minted = await get(port);
    expect(minted.header).toMatch(UUID_V4);
    expect(minted.body.id).toBe(minted.header);
    // pino-http writes its line when the response finishes: give the stream a moment.
    await new Promise((r) => setTimeout(r, 100));
    expect(requestLine(service.output, 'order-42')?.res?.statusCode).toBe(200);
    expect(requestLine(service.output, minted.header!)).toBeDefined();

    const { code, ms } = await service.signal('SIGTERM', 5000);
    expect(code).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(DRAIN_MS - 20);
    expect(ms).toBeLessThan(3000);
  }, 30_000);
});
