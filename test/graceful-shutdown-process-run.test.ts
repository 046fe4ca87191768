import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { ServiceFacts, ServiceModel } from '../src/fleet/types';
import { gracefulShutdown } from '../transforms/graceful-shutdown';
import { serviceModel } from './helpers/service-model';

/**
 * Whole services migrated with their fleet model and run for real: SIGTERM arrives with a slow
 * request in flight (and a websocket open), the request must complete, the process must exit 0
 * well before the timeout, and exactly one shutdown sequence may run.
 */
const SERVICES = path.join(__dirname, 'services');
const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const TIMEOUT_MS = 8_000;
const SLOW_MS = 800;
const DRAIN_MS = 300;

let child: ChildProcess | null = null;
let dir: string | null = null;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Copies the service to a temporary folder and migrates every file with the model built from `facts(dir)`. */
async function migrate(name: string, facts: (dir: string) => Partial<ServiceFacts>, more: (dir: string) => Partial<ServiceModel> = () => ({})): Promise<{ dir: string; service: ServiceModel; changed: string[] }> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-shutdown-${name}-`));
  fs.cpSync(path.join(SERVICES, name), dir, { recursive: true });
  const service = serviceModel(dir, facts(dir), { sourceRoot: dir, ...more(dir) });
  let options = resolveOptions(gracefulShutdown, { timeoutMs: TIMEOUT_MS, drainDelayMs: DRAIN_MS }, 'test');
  const files = fs.readdirSync(dir).map((f) => path.join(dir!, f));
  options = await gracefulShutdown.prepare!({ cwd: dir, root: dir, files, options, read: (p) => fs.readFileSync(p, 'utf8'), service, transforms: ['graceful-shutdown'] });
  const changed: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const r = transformFile({ path: file, relPath: path.basename(file), root: dir, source, service, role: 'runtime' }, [gracefulShutdown], { 'graceful-shutdown': options });
    expect(r.error).toBeUndefined();
    if (r.output) {
      fs.writeFileSync(file, r.output);
      changed.push(path.basename(file));
    }
  }
  for (const g of gracefulShutdown.generate!({ cwd: dir, root: dir, files, options, read: () => '', service })) {
    if (!fs.existsSync(g.path)) fs.writeFileSync(g.path, g.content);
    changed.push(path.basename(g.path));
  }
  return { dir, service, changed: changed.sort() };
}

interface Running {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function start(file: string): Running {
  const proc = spawn(process.execPath, [file], { env: { ...process.env, PORT: '0', NODE_PATH: NODE_MODULES }, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { proc, output: () => out, exited };
}

async function waitFor(running: Running, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = pattern.exec(running.output());
    if (m) return m;
    if (running.proc.exitCode !== null || Date.now() > until) throw new Error(`no ${pattern}; output: ${running.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function get(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('graceful shutdown of whole migrated services, run for real', () => {
  it('Express + socket.io behind a wrapper: the request completes, the websocket closes, one sequence, exit 0', async () => {
    const { dir: d, changed } = await migrate('express-socketio', (d) => ({
      apps: [{ framework: 'express', binding: 'app', file: path.join(d, 'index.js'), line: 5, listens: { file: path.join(d, 'index.js'), line: 12 } }],
      resources: [{ kind: 'socket.io', binding: 'this.io', file: path.join(d, 'socket-service.js'), line: 6, close: 'this.io.close()' }],
    }));
    expect(changed).toEqual(['index.js']);
    const running = start(path.join(d, 'index.js'));
    const port = Number((await waitFor(running, /listening on (\d+)/))[1]);

    const socket = connectSocket(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    try {
      const slow = get(port, `/slow?ms=${SLOW_MS}`);
      await new Promise((r) => setTimeout(r, 100));
      const signalled = Date.now();
      running.proc.kill('SIGTERM');
      await waitFor(running, /SIGTERM received, shutting down/);
      // During the drain delay the server still serves new requests.
      expect((await get(port, '/slow?ms=0')).status).toBe(200);
      const response = await slow;
      expect(response).toEqual({ status: 200, body: JSON.stringify({ status: 'done' }) });
      expect(await disconnected).toBe('transport close');
      const { code, signal, at } = await running.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      // Exit 0 means before the force-exit timer (which exits 1); on a loaded machine it is still well within it.
      expect(at - signalled).toBeLessThan(TIMEOUT_MS);
      expect(count(running.output(), /shutting down/)).toBe(1);
    } finally {
      socket.close();
    }
  });

  it('a service whose incomplete SIGTERM handler is in another module: drained first, then that handler exits', async () => {
    const { dir: d, changed } = await migrate('incomplete-handler', (d) => ({
      apps: [{ framework: 'express', binding: 'app', file: path.join(d, 'index.js'), line: 4, listens: { file: path.join(d, 'index.js'), line: 9 } }],
      signals: [{ signal: 'SIGTERM', file: path.join(d, 'telemetry.js'), line: 6, closesServer: false, exits: true, exitsBeforeClose: false, closes: ['sdk.shutdown()'] }],
    }));
    expect(changed).toEqual(['index.js', 'lifecycle.js', 'telemetry.js']);
    const running = start(path.join(d, 'index.js'));
    const port = Number((await waitFor(running, /listening on (\d+)/))[1]);
    const slow = get(port, `/slow?ms=${SLOW_MS}`);
    await new Promise((r) => setTimeout(r, 100));
    running.proc.kill('SIGTERM');
    const response = await slow;
    expect(response.status).toBe(200);
    const { code, signal } = await running.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const out = running.output();
    expect(count(out, /shutting down/)).toBe(1);
    // The service's own handler still runs, after the drain.
    expect(count(out, /telemetry flushed/)).toBe(1);
  });

  it('a worker without an HTTP server closes its pg Pool and exits 0', async () => {
    const { dir: d, changed } = await migrate(
      'worker',
      (d) => ({ resources: [{ kind: 'pg', binding: 'pool', file: path.join(d, 'worker.js'), line: 4, close: 'pool.end()' }] }),
      (d) => ({ entries: [{ file: path.join(d, 'worker.js'), from: 'scripts.start', detail: 'node worker.js' }] }),
    );
    expect(changed).toEqual(['worker.js']);
    const running = start(path.join(d, 'worker.js'));
    await waitFor(running, /worker started/);
    const signalled = Date.now();
    running.proc.kill('SIGTERM');
    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(TIMEOUT_MS);
    expect(running.output()).toContain('exit 0, pool ended: true');
    expect(count(running.output(), /shutting down/)).toBe(1);
  });
});
