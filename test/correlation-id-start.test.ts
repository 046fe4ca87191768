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

function get(port: number, headers: Record<string, string> = {}): Promise<{ header: string | undefined; body: any }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/ping', headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ header: res.headers['x-correlation-id'] as string | undefined, body: JSON.parse(body) }));
      })
      .on('error', reject);
  });
}

describe('a migrated CommonJS service with var declarations and a tracing preamble', () => {
  it('starts, loads the agent first, and echoes or mints the ID', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cid-start-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "svc", "main": "src/server.js" }\n');
    fs.writeFileSync(path.join(dir, 'src', 'server.js'), fs.readFileSync(FIXTURE, 'utf8'));
    fs.writeFileSync(path.join(dir, 'src', 'tracing.js'), TRACING);
    const outcome = await execute({
      cwd: dir,
      mode: 'write',
      allowDirty: true,
      jobs: 1,
      transforms: ['correlation-id'],
      transformOptions: { 'correlation-id': { import: './src/middleware/correlation-id', scaffold: true } },
    });
    expect(outcome.report.summary.errors).toBe(0);
    expect(fs.existsSync(path.join(dir, 'src', 'middleware', 'correlation-id.js'))).toBe(true);

    const port = await start(path.join(dir, 'src', 'server.js'));
    const given = await get(port, { 'x-correlation-id': 'req-7' });
    expect(given.header).toBe('req-7');
    expect(given.body).toEqual({ id: 'req-7', loadedFirst: true });
    const minted = await get(port);
    expect(minted.header).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(minted.body.id).toBe(minted.header);
  });
});
