import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AXIOS_CLIENTS, LiveService, UUID_V4, downstream, get } from './helpers/live-service';

/**
 * The CommonJS service of issue 18, migrated by a real run and started: a tracing preamble that must
 * load before anything else, and `var express = require('express'), app = express()` as one
 * statement. Before placement respected both, the middleware's `var` was declared below its use
 * (`app.use() requires a middleware function` at start) and its module loaded before the agent.
 */
const FIXTURE = path.join(__dirname, '..', '__testfixtures__', 'correlation-id', 'cjs-var-chain.input.js');
// Records which modules were loaded before it, as an APM agent would care about.
const TRACING = `let before = [];
exports.start = () => { before = Object.keys(require.cache).filter((f) => !f.endsWith('tracing.js') && f !== require.main.filename); };
exports.loadedFirst = () => before.length === 0;
`;

const service = new LiveService();
afterEach(() => service.stop());

/** A service folder with `files` (under src/), migrated by a real `--write` run with the scaffold. */
function migrated(files: Record<string, string>) {
  const inSrc = Object.fromEntries(Object.entries(files).map(([name, text]) => [`src/${name}`, text]));
  return service.migrate({ 'package.json': '{ "name": "svc", "main": "src/server.js" }\n', ...inSrc }, { import: './src/middleware/correlation-id', scaffold: true });
}

describe('a migrated CommonJS service with var declarations and a tracing preamble', () => {
  it('starts, loads the agent first, and echoes or mints the ID', async () => {
    const outcome = await migrated({ 'server.js': fs.readFileSync(FIXTURE, 'utf8'), 'tracing.js': TRACING });
    expect(outcome.report.summary.errors).toBe(0);
    expect(fs.existsSync(path.join(service.dir, 'src', 'middleware', 'correlation-id.js'))).toBe(true);

    const port = await service.start(['src/server.js']);
    const given = await get(port, { 'x-correlation-id': 'req-7' });
    expect(given.header).toBe('req-7');
    expect(given.body).toEqual({ id: 'req-7', loadedFirst: true });
    const minted = await get(port);
    expect(minted.header).toMatch(UUID_V4);
    expect(minted.body.id).toBe(minted.header);
  });
});

// A gateway whose route calls a downstream service through an axios instance made in another module.
const GATEWAY = `const express = require('express');
const { inventory } = require('./clients');

const app = express();
app.get('/stock', async (req, res) => {
  const { data } = await inventory.get('/stock');
  res.json({ id: req.correlationId, downstream: data });
});

const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;
describe('a migrated gateway calling another service through an axios instance', () => {
  it('forwards the incoming or minted ID, observed by a second local server', async () => {
    const down = await downstream();
    try {
      const outcome = await migrated({ 'server.js': GATEWAY, 'clients.js': AXIOS_CLIENTS });
      expect(outcome.report.summary.errors).toBe(0);
      expect(service.read('src/clients.js')).toContain('inventory.interceptors.request.use(');
      const port = await service.start(['src/server.js'], undefined, { INVENTORY_URL: down.url });
      const given = await get(port, { 'x-correlation-id': 'gw-1' }, '/stock');
      expect(given.body).toEqual({ id: 'gw-1', downstream: { count: 3 } });
      const minted = await get(port, {}, '/stock');
      expect(down.seen).toEqual(['gw-1', minted.header]);
      expect(minted.body.id).toBe(minted.header);
    } finally {
      down.close();
    }
  });
});
