import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execute } from '../../src/runner/run';

/**
 * A migrated service started as a real process, for the correlation-ID tests: written to a temp
 * folder, migrated by a real `--write` run, started, and asked over HTTP. Modules resolve from
 * shipshape's own node_modules (NODE_PATH), so no install is needed.
 */
export const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

export class LiveService {
  dir = '';
  /** What the process printed (stdout and stderr), as it comes. */
  output = '';
  private child: ChildProcess | null = null;

  /** Writes `files` (paths from the service folder) and migrates them with a real run. */
  async migrate(files: Record<string, string>, options: Record<string, unknown>, transforms: string[] = ['correlation-id'], others: Record<string, Record<string, unknown>> = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cid-live-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(this.dir, name), text);
    }
    return execute({ cwd: this.dir, mode: 'write', allowDirty: true, jobs: 1, transforms, transformOptions: { ...others, 'correlation-id': options } });
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Starts `args` (a script, or a CLI and its arguments) and resolves the port it prints via `listening`. */
  start(args: string[], listening: RegExp = /listening on (\d+)/, env: Record<string, string> = {}): Promise<number> {
    const child = spawn(process.execPath, args, { cwd: this.dir, env: { ...process.env, PORT: '0', NODE_PATH: NODE_MODULES, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`not listening within 10 s: ${out}`)), 10_000);
      const seen = (c: Buffer) => {
        out += c;
        this.output += c;
        const m = listening.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', seen);
      child.stderr!.on('data', seen);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}: ${out}`));
      });
    });
  }

  /** Sends `signal` to the started process; resolves with its exit code and how long it took to exit. */
  signal(signal: NodeJS.Signals, withinMs = 10_000): Promise<{ code: number | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.reject(new Error('not running'));
    const sent = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running ${withinMs} ms after ${signal}: ${this.output}`)), withinMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, ms: Date.now() - sent });
      });
      child.kill(signal);
    });
  }

  stop(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
    this.child = null;
    this.output = '';
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = '';
  }
}

/** GET `urlPath`: the response's correlation header and its JSON body. */
export function get(port: number, headers: Record<string, string> = {}, urlPath = '/ping', header = 'x-correlation-id'): Promise<{ status: number; header: string | undefined; body: any }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, header: res.headers[header] as string | undefined, body: body.startsWith('{') ? JSON.parse(body) : body }));
      })
      .on('error', reject);
  });
}

/** A second local server standing for the downstream service: it records the correlation header of each call. */
export async function downstream(): Promise<{ url: string; seen: (string | undefined)[]; close(): void }> {
  const seen: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers['x-correlation-id'] as string | undefined);
    res.setHeader('content-type', 'application/json');
    res.end('{"count":3}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as any).port}`, seen, close: () => server.close() };
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A client module with an axios instance, as gateways keep them: the run gives it the interceptor. */
export const AXIOS_CLIENTS = `const axios = require('axios');

const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2000 });

module.exports = { inventory };
`;
