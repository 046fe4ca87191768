import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import request from 'supertest';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import type { GeneratedFile } from '../src/types';
import { correlationId } from '../transforms/correlation-id';

/**
 * The module `scaffold: true` creates, in each flavour, mounted first on a real Express app and
 * driven over HTTP: the header is trusted only when well-formed, and the ID is readable through
 * getCorrelationId() inside handlers and their async continuations.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cid-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function generate(root: string, given: Record<string, unknown> = {}): GeneratedFile {
  const options = resolveOptions(correlationId, { import: './src/middleware/correlation-id', scaffold: true, ...given }, 'test');
  const files = correlationId.generate!({ cwd: root, root, files: [], options, read: (p) => fs.readFileSync(p, 'utf8') });
  expect(files).toHaveLength(1);
  return files[0];
}

interface Loaded {
  middleware: express.RequestHandler;
  getCorrelationId(): string | undefined;
}

async function load(file: GeneratedFile, name = 'correlationIdMiddleware'): Promise<Loaded> {
  fs.mkdirSync(path.dirname(file.path), { recursive: true });
  let runnable = file.path;
  if (file.path.endsWith('.ts')) {
    const js = ts.transpileModule(file.content, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    runnable = file.path.replace(/\.ts$/, '.cjs');
    fs.writeFileSync(runnable, js.outputText);
  } else {
    fs.writeFileSync(file.path, file.content);
  }
  const mod = await import(pathToFileURL(runnable).href);
  const exports = mod.default && typeof mod.default === 'object' ? mod.default : mod;
  return { middleware: exports[name] ?? mod.default, getCorrelationId: exports.getCorrelationId ?? mod.getCorrelationId };
}

function appWith({ middleware, getCorrelationId }: Loaded) {
  const app = express();
  app.use(middleware);
  app.get('/id', async (req, res) => {
    const inHandler = getCorrelationId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const afterAwait = await Promise.resolve().then(() => getCorrelationId());
    res.json({ fromRequest: (req as any).correlationId, inHandler, afterAwait });
  });
  return app;
}

const flavours: [string, () => Promise<Loaded>][] = [
  ['TypeScript', async () => load(generate(project({ 'tsconfig.json': '{}' })))],
  ['CommonJS', async () => load(generate(project({ 'package.json': '{ "name": "svc" }' })))],
  ['ES module', async () => load(generate(project({ 'package.json': '{ "name": "svc", "type": "module" }' })))],
];

describe.each(flavours)('scaffolded middleware (%s)', (_flavour, make) => {
  let loaded: Loaded;
  const app = async () => appWith((loaded ??= await make()));

  it('echoes a well-formed incoming ID and exposes it to the handler and its async continuations', async () => {
    const id = 'req-42.checkout:7_A';
    const res = await request(await app()).get('/id').set('x-correlation-id', id);
    expect(res.status).toBe(200);
    expect(res.headers['x-correlation-id']).toBe(id);
    expect(res.body).toEqual({ fromRequest: id, inHandler: id, afterAwait: id });
  });

  it('accepts 128 characters', async () => {
    const id = 'a'.repeat(128);
    const res = await request(await app()).get('/id').set('x-correlation-id', id);
    expect(res.headers['x-correlation-id']).toBe(id);
  });

  it('generates a UUID when the header is missing', async () => {
    const res = await request(await app()).get('/id');
    expect(res.headers['x-correlation-id']).toMatch(UUID);
    expect(res.body.fromRequest).toBe(res.headers['x-correlation-id']);
    expect(res.body.afterAwait).toBe(res.headers['x-correlation-id']);
  });

  it.each([
    ['oversized (129 characters)', 'b'.repeat(129)],
    ['oversized (200 characters)', 'c'.repeat(200)],
    ['with a space', 'abc def'],
    ['with a quote', 'a"b'],
    ['with markup', '<script>'],
    ['with a semicolon', 'id;drop'],
  ])('replaces an ID %s', async (_what, bad) => {
    const res = await request(await app()).get('/id').set('x-correlation-id', bad);
    expect(res.headers['x-correlation-id']).toMatch(UUID);
    expect(res.body.inHandler).toBe(res.headers['x-correlation-id']);
  });

  it('gives every request its own ID, and none outside a request', async () => {
    const a = await request(await app()).get('/id');
    const b = await request(await app()).get('/id');
    expect(a.headers['x-correlation-id']).not.toBe(b.headers['x-correlation-id']);
    expect(loaded.getCorrelationId()).toBeUndefined();
  });
});

describe('scaffolded middleware options', () => {
  it('reads and echoes the configured header under the configured default export', async () => {
    const file = generate(project({}), { header: 'X-Request-Trace', name: 'traceIds', kind: 'default' });
    const loaded = await load(file, 'traceIds');
    expect(typeof loaded.middleware).toBe('function');
    const res = await request(appWith(loaded)).get('/id').set('x-request-trace', 'trace-1');
    expect(res.headers['x-request-trace']).toBe('trace-1');
    expect(res.body.inHandler).toBe('trace-1');
  });

  it('keeps the ID of an outer app when mounted twice', async () => {
    const loaded = await load(generate(project({})));
    const inner = appWith(loaded);
    const outer = express();
    outer.use(loaded.middleware);
    outer.use('/inner', inner);
    const res = await request(outer).get('/inner/id');
    expect(res.body.fromRequest).toBe(res.headers['x-correlation-id']);
  });
});
