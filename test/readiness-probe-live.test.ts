import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readinessProbe } from '../transforms/readiness-probe';
import { fleetModel, migrateTree, serviceModel } from './helpers/fleet-model';

/**
 * The /ready route the transform writes, run for real on a small Express service (app.js builds
 * the app, server.js listens): 503 while the process has not started, 200 once it listens, 503
 * while it drains, and 503 naming the check when its database check fails or times out.
 */
const FIXTURE = path.join(__dirname, 'fixtures-live', 'readiness-express');
const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const ROOT = '/virtual/svc';

let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const f of ['src/app.js', 'src/server.js']) files[f] = fs.readFileSync(path.join(FIXTURE, f), 'utf8');
  const service = serviceModel(ROOT, '', {
    name: 'svc',
    facts: { apps: [], correlation: [], signals: [], routes: [], outgoing: [], resources: [{ kind: 'pg', binding: 'pool', file: `${ROOT}/src/app.js`, line: 5 }] },
  });
  const { out, generated } = await migrateTree(readinessProbe, ROOT, files, fleetModel(ROOT, [service], { 'src/app.js': 'runtime', 'src/server.js': 'runtime' }), { timeoutMs: 300 });
  expect(generated.sort()).toEqual(['src/lifecycle.js', 'src/readiness.js']);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ready-'));
  for (const [f, text] of Object.entries(out)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  // The test's stand-in for graceful-shutdown's handler: SIGUSR2 starts draining.
  fs.writeFileSync(path.join(dir, 'drain-hook.js'), "process.on('SIGUSR2', () => require('./src/lifecycle').markDraining());\n");
  // Serves the app without the service's own listen(): the process never finished starting.
  fs.writeFileSync(path.join(dir, 'unstarted.js'), "const app = require('./src/app');\nconst s = require('http').createServer(app).listen(0, () => console.log(`listening on ${s.address().port}`));\n");
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, PORT: '0', NODE_PATH: NODE_MODULES, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not listening after 10 s: ${out}`)), 10_000);
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function get(port: number, pathname: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
      })
      .on('error', reject);
  });
}

describe('readiness-probe on a running Express service', () => {
  it('answers 503 until startup has finished', async () => {
    const { port } = await start(['unstarted.js']);
    expect(await get(port, '/ready')).toEqual({ status: 503, body: { status: 'starting' } });
    expect((await get(port, '/health')).status).toBe(200);
  });

  it('answers 200 once the server listens, and 503 while it drains', async () => {
    const { child, port } = await start(['-r', './drain-hook.js', 'src/server.js']);
    expect(await get(port, '/ready')).toEqual({ status: 200, body: { status: 'ready' } });
    child.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 100));
    expect(await get(port, '/ready')).toEqual({ status: 503, body: { status: 'draining' } });
  });

  it('answers 503 naming the check when the database check fails', async () => {
    const { port } = await start(['src/server.js'], { DB_DOWN: '1' });
    expect(await get(port, '/ready')).toEqual({ status: 503, body: { status: 'unavailable', failed: 'pg', reason: 'connect ECONNREFUSED 127.0.0.1:5432' } });
  });

  it('answers 503 within the timeout when the check hangs', async () => {
    const { port } = await start(['src/server.js'], { DB_SLOW: '1' });
    const at = Date.now();
    expect(await get(port, '/ready')).toEqual({ status: 503, body: { status: 'unavailable', failed: 'pg', reason: 'timed out after 300 ms' } });
    expect(Date.now() - at).toBeLessThan(2000);
  });
});
