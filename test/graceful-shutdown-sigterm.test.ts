import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { gracefulShutdown } from '../transforms/graceful-shutdown';

/**
 * The handler the transform writes, run for real: an Express server receives SIGTERM while a slow
 * request is in flight and idle keep-alive connections are open. The request must finish with 200,
 * new connections must be refused, and the process must exit 0 long before the force-exit timer.
 */
const FIXTURE = path.join(__dirname, '..', '__testfixtures__', 'graceful-shutdown', 'sigterm-express.input.js');
const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const TIMEOUT_MS = 10_000;
const SLOW_MS = 1_000;

let child: ChildProcess | null = null;
let dir: string | null = null;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function transformedServer(): string {
  const source = fs.readFileSync(FIXTURE, 'utf8');
  const options = resolveOptions(gracefulShutdown, { timeoutMs: TIMEOUT_MS, drainDelayMs: 0 }, 'test');
  const result = transformFile({ path: '/virtual/repo/src/server.js', relPath: 'src/server.js', root: '/virtual/repo', source }, [gracefulShutdown], {
    'graceful-shutdown': options,
  });
  expect(result.status).toBe('changed');
  return result.output!;
}

/** Resolves with the first stdout match of `pattern`; rejects when the process exits first or after `ms`. */
function waitForOutput(proc: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output: ${out}`)), ms);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        resolve(m);
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output: ${out}`));
    });
  });
}

function get(port: number, pathname: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

/** The error code of a fresh TCP connection attempt, or 'connected'. */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function exitOf(proc: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

describe('graceful-shutdown handler, run for real', () => {
  it('drains an in-flight request, refuses new connections and exits 0 on SIGTERM', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sigterm-'));
    const file = path.join(dir, 'server.js');
    fs.writeFileSync(file, transformedServer());

    child = spawn(process.execPath, [file], {
      env: { ...process.env, PORT: '0', NODE_PATH: NODE_MODULES, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const port = Number((await waitForOutput(child, /listening on (\d+)/, 10_000))[1]);

    // One connection left idle by keep-alive, one carrying the slow request: both must not hold the process.
    const idleAgent = new http.Agent({ keepAlive: true });
    const slowAgent = new http.Agent({ keepAlive: true });
    try {
      expect((await get(port, '/ping', idleAgent)).status).toBe(200);
      const slow = get(port, `/reports/slow?ms=${SLOW_MS}`, slowAgent);
      await new Promise((r) => setTimeout(r, 200));

      const exited = exitOf(child, TIMEOUT_MS);
      const signalledAt = Date.now();
      const logged = waitForOutput(child, /SIGTERM received/, 5_000);
      child.kill('SIGTERM');
      await logged;
      // The handler logs, then closes the listener in the same tick: give that tick time to run.
      await new Promise((r) => setTimeout(r, 100));

      expect(await connectOutcome(port)).toBe('ECONNREFUSED');
      const response = await slow;
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ status: 'done' });

      const { code, signal } = await exited;
      const elapsed = Date.now() - signalledAt;
      expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
      // Well before the force-exit timer, and before the 5 s keep-alive timeout would let idle sockets go.
      expect(elapsed).toBeLessThan(SLOW_MS + 2_500);
    } finally {
      idleAgent.destroy();
      slowAgent.destroy();
    }
  });
});
