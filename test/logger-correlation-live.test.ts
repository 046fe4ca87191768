import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { get, LiveService, NODE_MODULES, UUID_V4 } from './helpers/live-service';

/**
 * Zero config, one run: console-to-logger creates the service's logger and correlation-id its
 * middleware in the same run. The logger is built after the middleware module, so the JSON line a
 * handler prints carries the request's correlation ID from the first run on, not only after a second.
 */
const SERVICE = (esm: boolean) => `${esm ? "import express from 'express';" : "const express = require('express');"}
const app = express();
app.get('/orders', (req, res) => {
  console.log('listing orders', { n: 3 });
  res.json({ orders: [] });
});
const server = app.listen(Number(process.env.PORT), () => console.log('listening on ' + server.address().port));
`;

const flavours: [string, Record<string, string>][] = [
  ['CommonJS', { 'package.json': '{ "name": "orders", "main": "src/index.js", "dependencies": { "express": "^4" } }', 'src/index.js': SERVICE(false) }],
  ['ES module', { 'package.json': '{ "name": "orders", "type": "module", "main": "src/index.js", "dependencies": { "express": "^4" } }', 'src/index.js': SERVICE(true) }],
];

function linesOf(output: string, message: string): any[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((r) => r.message === message);
}

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the log line never came');
}

describe.each(flavours)('zero-config logger and correlation ID in one run (%s)', (_name, files) => {
  const svc = new LiveService();
  afterEach(() => svc.stop());

  it('logs each request line as JSON with the ID the request came with, or the one it was given', async () => {
    const { report } = await svc.migrate(files, {}, ['console-to-logger', 'correlation-id']);
    // ES modules do not read NODE_PATH: the service gets shipshape's packages as its own.
    fs.symlinkSync(NODE_MODULES, path.join(svc.dir, 'node_modules'));
    expect(report.summary.errors, JSON.stringify(report.files.filter((f: any) => f.error))).toBe(0);
    expect(svc.read('src/logger.js')).toContain('getCorrelationId');
    const port = await svc.start(['src/index.js']);

    const given = await get(port, { 'x-correlation-id': 'order-run-42' }, '/orders');
    expect(given.status).toBe(200);
    const first = await until(() => linesOf(svc.output, 'listing orders')[0]);
    expect(first).toMatchObject({ level: 'info', message: 'listing orders', n: 3, correlationId: 'order-run-42' });

    const fresh = await get(port, {}, '/orders');
    expect(fresh.header).toMatch(UUID_V4);
    const second = await until(() => linesOf(svc.output, 'listing orders')[1]);
    expect(second.correlationId).toBe(fresh.header);

    // Outside a request there is no ID, and the line says nothing about one.
    expect(linesOf(svc.output, `listening on ${port}`)[0]).not.toHaveProperty('correlationId');
  }, 30_000);
});
