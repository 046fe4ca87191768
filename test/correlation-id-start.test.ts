import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';

/**
 * The CommonJS service of issue 18, migrated by a real run and started: a tracing preamble that must
 * load before anything else, and `var express = require('express'), app = express()` as one
 * statement. Before placement respected both, the middleware's `var` was declared below its use
 * (`app.use() requires a middleware function` at start) and its module loaded before the agent.
 */
const FIXTURE = path.join(__dirname, '..', '__testfixtures__', 'correlation-id', 'cjs-var-chain.input.js');
const NODE_MODULES = path.join(__dirname, '..', 'node_modules');

// Records which modules were loaded before it, as an APM agent would care about.
const TRACING = `let before = [];
exports.start = () => { before = Object.keys(require.cache).filter((f) => !f.endsWith('tracing.js') && f !== require.main.filename); };
exports.loadedFirst = () => before.length === 0;
`;

let child: ChildProcess | null = null;
let dir: string | null = null;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function start(file: string): Promise<number> {
  child = spawn(process.execPath, [file], { env: { ...process.env, PORT: '0', NODE_PATH: NODE_MODULES }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = child;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not listening within 10 s: ${out}`)), 10_000);
    proc.stdout!.on('data', (c) => {
      out += c;
      const m = /listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.stderr!.on('data', (c) => (out += c));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
}

function get(port: number, headers: Record<string, string> = {}, urlPath = '/ping'): Promise<{ header: string | undefined; body: any }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ header: res.headers['x-correlation-id'] as string | undefined, body: JSON.parse(body) }));
      })
      .on('error', reject);
  });
}

/** A service folder with `files` (under src/), migrated by a real `--write` run with the scaffold. */
async function migrated(files: Record<string, string>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cid-start-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "svc", "main": "src/server.js" }\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'src', name), text);
  return execute({
    cwd: dir,
    mode: 'write',
    allowDirty: true,
    jobs: 1,
    transforms: ['correlation-id'],
      cwd: dir,
      mode: 'write',
      allowDirty: true,
      jobs: 1,
      transforms: ['correlation-id'],
    transformOptions: { 'correlation-id': { import: './src/middleware/correlation-id', scaffold: true } },
  });
}

describe('a migrated CommonJS service with var declarations and a tracing preamble', () => {
  it('starts, loads the agent first, and echoes or mints the ID', async () => {
    const outcome = await migrated({ 'server.js': fs.readFileSync(FIXTURE, 'utf8'), 'tracing.js': TRACING });
    expect(outcome.report.summary.errors).toBe(0);
    expect(fs.existsSync(path.join(dir!, 'src', 'middleware', 'correlation-id.js'))).toBe(true);

    const port = await start(path.join(dir!, 'src', 'server.js'));
    const given = await get(port, { 'x-correlation-id': 'req-7' });
    expect(given.header).toBe('req-7');
    expect(given.body).toEqual({ id: 'req-7', loadedFirst: true });
    const minted = await get(port);
    expect(minted.header).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
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
const CLIENTS = `const axios = require('axios');

const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2000 });

module.exports = { inventory };
`;

describe('a migrated gateway calling another service through an axios instance', () => {
  it('forwards the incoming or minted ID, observed by a second local server', async () => {
    const seen: (string | undefined)[] = [];
    const downstream = http.createServer((req, res) => {
      seen.push(req.headers['x-correlation-id'] as string | undefined);
      res.setHeader('content-type', 'application/json');
      res.end('{"count":3}');
    });
    await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
    try {
      const outcome = await migrated({ 'server.js': GATEWAY, 'clients.js': CLIENTS });
      expect(outcome.report.summary.errors).toBe(0);
      expect(fs.readFileSync(path.join(dir!, 'src', 'clients.js'), 'utf8')).toContain('inventory.interceptors.request.use(');
      process.env.INVENTORY_URL = `http://127.0.0.1:${(downstream.address() as any).port}`;
      const port = await start(path.join(dir!, 'src', 'server.js'));
      const given = await get(port, { 'x-correlation-id': 'gw-1' }, '/stock');
      expect(given.body).toEqual({ id: 'gw-1', downstream: { count: 3 } });
      const minted = await get(port, {}, '/stock');
      expect(seen).toEqual(['gw-1', minted.header]);
      expect(minted.body.id).toBe(minted.header);
    } finally {
      delete process.env.INVENTORY_URL;
      downstream.close();
    }
  });
});
