import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { UsageError, type Options } from '../src/types';
import type { ServiceModel } from '../src/fleet/types';
import { correlationId } from '../transforms/correlation-id';
import { scaffoldFolders } from '../transforms/correlation-id/scaffold-targets';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cid-unit-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function resolve(given: Record<string, unknown>): Options {
  return resolveOptions(correlationId, given, 'shipshape.config.json: transforms["correlation-id"]');
}

const EXPRESS_APP = "const express = require('express');\nconst app = express();\n";

/** prepare over a run with one Express app file, optionally as one service of a fleet. */
async function prepared(given: Record<string, unknown>, root = '/r', service?: Partial<ServiceModel>): Promise<Options> {
  const files = [path.join(service?.dir ?? root, 'src/app.js')];
  return correlationId.prepare!({ cwd: root, root, files, options: resolve(given), read: () => EXPRESS_APP, service: service as ServiceModel });
}

/** prepare over one file with `source`. */
async function prepare(given: Record<string, unknown>, source: string): Promise<Options> {
  return correlationId.prepare!({ cwd: '/r', root: '/r', files: ['/r/src/app.js'], options: resolve(given), read: () => source });
}

function generated(root: string, given: Record<string, unknown>, files: string[] = []) {
  return correlationId.generate!({ cwd: root, root, files, options: resolve(given), read: (p) => fs.readFileSync(p, 'utf8') });
}

describe('correlation-id options', () => {
  it('fills in the defaults', () => {
    expect(resolve({ import: '@acme/http' })).toEqual({
      import: '@acme/http',
      name: 'correlationIdMiddleware',
      kind: 'named',
      header: 'x-correlation-id',
    });
  });

  it('rejects a header that is not a plain header name and a name that is not an identifier', () => {
    expect(() => resolve({ import: 'x', header: 'x correlation' })).toThrow(/header name/);
    expect(() => resolve({ import: 'x', header: "x-'id" })).toThrow(UsageError);
    expect(() => resolve({ import: 'x', name: 'correlation-id' })).toThrow(/identifier/);
    expect(() => resolve({ import: 'x', kind: 'star' })).toThrow(/'named', 'default'/);
  });

  it('with scaffold turned off, stops a service with Express or Nest apps without import and shows the config to add', async () => {
    const err = await prepare({ scaffold: false }, "const express = require('express');\nconst app = express();\n").catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('"correlation-id": { "scaffold": true }');
    expect(err.message).not.toContain('"import": "./src/middleware');
  });

  it('goes on without import when the run has only Fastify apps and gateway proxies', async () => {
    const fastifyOnly = "import Fastify from 'fastify';\nexport const app = Fastify({ logger: true });\n";
    expect((await prepare({}, fastifyOnly)).import).toBeUndefined();
    await expect(prepare({ scaffold: false }, "const { NestFactory } = require('@nestjs/core');\n")).rejects.toThrow(UsageError);
    await expect(prepare({ koaName: 'koaCorrelationId', scaffold: false }, fastifyOnly)).rejects.toThrow(UsageError);
  });

  it('zero-config: scaffolds the module for a service with an app, and an explicit import still wins', async () => {
    const express = "const express = require('express');\nconst app = express();\n";
    expect(await prepare({}, express)).toMatchObject({ import: './src/middleware/correlation-id', scaffold: true });
    expect(await prepare({ import: '@acme/http' }, express)).toMatchObject({ import: '@acme/http' });
    expect((await prepare({ import: '@acme/http' }, express)).scaffold).toBeUndefined();
    const koa = "const Koa = require('koa');\nconst app = new Koa();\n";
    expect(await prepare({}, koa)).toMatchObject({ scaffold: true, koaName: 'koaCorrelationId', scaffoldFrameworks: ['koa'] });
  });

  it("in a run, the fleet model's apps decide which services get the module", async () => {
    const read = () => "const code = 'const app = express();';\n";
    const model = (apps: unknown[]) => ({ name: 'gen', dir: '/r', sourceRoot: '/r/src', buildContext: ['/r'], facts: { apps } }) as unknown as ServiceModel;
    const run = (service: ServiceModel) => correlationId.prepare!({ cwd: '/r', root: '/r', files: ['/r/src/gen.ts'], options: resolve({}), read, service });
    // A code generator spelling express() in a template: no app in the model, no module.
    expect((await run(model([]))).import).toBeUndefined();
    expect((await run(model([{ framework: 'express', file: '/r/src/gen.ts', line: 1 }]))).import).toBe('./src/middleware/correlation-id');
    // Nest on the Fastify platform takes requestIdHeader, not the module.
    const nest = "const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(opts));\n";
    const onFastify = await correlationId.prepare!({ cwd: '/r', root: '/r', files: ['/r/src/main.ts'], options: resolve({}), read: () => nest, service: model([{ framework: 'nest', file: '/r/src/main.ts', line: 1 }]) });
    expect(onFastify.import).toBeUndefined();
  });

  it('defaults import to ./src/middleware/correlation-id when scaffold is on', async () => {
    expect((await prepared({ scaffold: true })).import).toBe('./src/middleware/correlation-id');
    expect((await prepared({ scaffold: true, import: './lib/cid' })).import).toBe('./lib/cid');
  });

  it("puts the scaffold inside the service's source root, not at the repo root", async () => {
    const service = { name: 'orders', dir: '/r/services/orders', sourceRoot: '/r/services/orders/src' };
    expect((await prepared({ scaffold: true }, '/r', service)).import).toBe('./services/orders/src/middleware/correlation-id');
    // An entry at the top (`index.js`) makes the service folder the source root; the apps all live in
    // src/, which a tsconfig's include may be limited to: the module goes there, next to them.
    const flat = { name: 'auth', dir: '/r/auth', sourceRoot: '/r/auth' };
    expect((await prepared({ scaffold: true }, '/r', flat)).import).toBe('./auth/src/middleware/correlation-id');
    const top = { ...flat, buildContext: ['/r/auth'] } as unknown as ServiceModel;
    expect(scaffoldFolders(top, ['/r/auth/server.js'])).toEqual(['/r/auth']);
    expect(scaffoldFolders(top, ['/r/auth/src/main.ts', '/r/auth/src/admin/app.ts'])).toEqual(['/r/auth/src']);
    expect(scaffoldFolders(top, ['/r/auth/src/main.ts', '/r/auth/lib/app.ts'])).toEqual(['/r/auth']);
  });

  it("goes in the project's own middlewares folder when it has one (node-express-boilerplate's src/middlewares)", async () => {
    const root = tempProject({ 'src/app.js': EXPRESS_APP, 'src/middlewares/auth.js': 'module.exports = (req, res, next) => next();\n' });
    const service = { name: 'api', dir: root, sourceRoot: path.join(root, 'src'), buildContext: [root] };
    expect((await prepared({}, root, service)).import).toBe('./src/middlewares/correlation-id');
    // A middleware folder of its own (an earlier run's) is taken first: the second run finds that module.
    fs.mkdirSync(path.join(root, 'src/middleware'));
    expect((await prepared({}, root, service)).import).toBe('./src/middleware/correlation-id');
  });

  it('gives each copied folder with an app its own module when the images do not contain the source root', async () => {
    // One package.json at the root; each Dockerfile copies only its service's folder.
    const root = tempProject({ 'api-gateway/index.js': EXPRESS_APP, 'users/index.js': EXPRESS_APP, 'worker/index.js': "require('amqplib');\n" });
    const service = { name: 'fleet', dir: root, sourceRoot: root, buildContext: [path.join(root, 'package.json'), path.join(root, 'api-gateway'), path.join(root, 'users'), path.join(root, 'worker')] };
    const files = ['api-gateway/index.js', 'users/index.js', 'worker/index.js'].map((f) => path.join(root, f));
    const options = await correlationId.prepare!({ cwd: root, root, files, options: resolve({ scaffold: true }), read: (p) => fs.readFileSync(p, 'utf8'), service: service as unknown as ServiceModel });
    expect(options.importByFolder).toEqual({
      [path.join(root, 'api-gateway')]: './api-gateway/middleware/correlation-id',
      [path.join(root, 'users')]: './users/middleware/correlation-id',
    });
    const created = correlationId.generate!({ cwd: root, root, files, options, read: (p) => fs.readFileSync(p, 'utf8') }).map((g) => path.relative(root, g.path));
    expect(created).toEqual(['api-gateway/middleware/correlation-id.js', 'users/middleware/correlation-id.js']);
    const out = transformFile({ path: files[0], relPath: 'api-gateway/index.js', root, source: EXPRESS_APP }, [correlationId], { 'correlation-id': options });
    expect(out.output).toContain("require('./middleware/correlation-id')");
  });

  it('scaffolds nothing for a service without an Express or Nest app', async () => {
    const worker = { name: 'worker', dir: '/r/worker', sourceRoot: '/r/worker/src' };
    const options = await correlationId.prepare!({ cwd: '/r', root: '/r', files: ['/r/worker/src/index.js'], options: resolve({ scaffold: true }), read: () => "require('amqplib');\n", service: worker as ServiceModel });
    expect(options.import).toBeUndefined();
    expect(correlationId.generate!({ cwd: '/r', root: '/r', files: [], options, read: () => '' })).toEqual([]);
  });

  it('gives the default import a .js extension in a "type": "module" JavaScript project', async () => {
    const root = tempProject({ 'package.json': '{ "type": "module" }' });
    expect((await prepared({ scaffold: true }, root)).import).toBe('./src/middleware/correlation-id.js');
  });

  it('refuses to scaffold a package', async () => {
    await expect(prepared({ scaffold: true, import: '@acme/http' })).rejects.toThrow(/scaffold creates a module at a path/);
  });
});

describe('correlation-id generate', () => {
  const given = { import: './src/middleware/correlation-id', scaffold: true };

  it('creates nothing unless scaffold is on', () => {
    expect(generated(tempProject({}), { import: './src/middleware/correlation-id' })).toEqual([]);
  });

  it('writes TypeScript when a tsconfig.json governs the folder', () => {
    const root = tempProject({ 'tsconfig.json': '{}' });
    const [file] = generated(root, given);
    expect(file.path).toBe(path.join(root, 'src/middleware/correlation-id.ts'));
    expect(file.content).toContain('export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void');
    expect(file.content).toContain("export const CORRELATION_ID_HEADER = 'x-correlation-id';");
  });

  it("declares correlationId on Node's IncomingMessage only for a service with http-proxy-middleware", () => {
    const root = tempProject({ 'tsconfig.json': '{}' });
    const module = (proxies: boolean) => correlationId.generate!({ cwd: root, root, files: [], options: { ...resolve(given), scaffoldProxies: proxies }, read: () => '' })[0].content;
    expect(module(false)).not.toContain("declare module 'http'");
    expect(module(true)).toContain("declare module 'http'");
  });

  it('writes TypeScript when the target files are TypeScript, even without a tsconfig.json', () => {
    const root = tempProject({});
    const [file] = generated(root, given, [path.join(root, 'src/server.ts')]);
    expect(file.path.endsWith('.ts')).toBe(true);
  });

  it('writes CommonJS JavaScript otherwise, and an ES module in a "type": "module" package', () => {
    const cjs = tempProject({ 'package.json': '{}' });
    const [a] = generated(cjs, given, [path.join(cjs, 'src/index.js')]);
    expect(a.path).toBe(path.join(cjs, 'src/middleware/correlation-id.js'));
    expect(a.content).toContain("const { randomBytes } = require('crypto');");
    expect(a.content).toContain('module.exports = { correlationIdMiddleware, getCorrelationId, CORRELATION_ID_HEADER };');
    const esm = tempProject({ 'package.json': '{ "type": "module" }' });
    const [b] = generated(esm, { ...given, import: './src/middleware/correlation-id.js' });
    expect(b.path).toBe(path.join(esm, 'src/middleware/correlation-id.js'));
    expect(b.content).toContain("import { randomBytes } from 'crypto';");
  });

  it('uses the header, name and kind options', () => {
    const [file] = generated(tempProject({ 'tsconfig.json': '{}' }), { ...given, header: 'X-Request-Trace', name: 'traceIds', kind: 'default' });
    expect(file.content).toContain('export default function traceIds(');
    expect(file.content).toContain("= 'x-request-trace';");
  });

  it.each(['src/middleware/correlation-id.js', 'src/middleware/correlation-id.mjs', 'src/middleware/correlation-id/index.ts'])(
    'creates nothing when %s exists',
    (existing) => {
      expect(generated(tempProject({ [existing]: 'export {};\n', 'tsconfig.json': '{}' }), given)).toEqual([]);
    },
  );
});

describe('correlation-id on real files', () => {
  function run(root: string, relPath: string, given: Record<string, unknown>) {
    const options = { ...resolve(given) };
    const abs = path.join(root, relPath);
    return transformFile({ path: abs, relPath, root, source: fs.readFileSync(abs, 'utf8') }, [correlationId], { 'correlation-id': options });
  }
  const gateway = "const { createProxyMiddleware } = require('http-proxy-middleware');\n\nmodule.exports = createProxyMiddleware({ target: 'http://orders:3000' });\n";

  it('writes the v2 hook when package.json declares http-proxy-middleware 2', () => {
    const root = tempProject({ 'package.json': '{ "dependencies": { "http-proxy-middleware": "^2.0.6" } }', 'src/proxy.js': gateway });
    const out = run(root, 'src/proxy.js', { import: '@acme/http' });
    expect(out.output).toContain('onProxyReq: (proxyReq, req) => {');
  });

  it('writes the v3 hook for http-proxy-middleware 3, declared by a package.json further up', () => {
    const root = tempProject({ 'package.json': '{ "dependencies": { "http-proxy-middleware": "3.0.3" } }', 'services/gw/src/proxy.js': gateway });
    const out = run(root, 'services/gw/src/proxy.js', { import: '@acme/http' });
    expect(out.output).toContain('on: {\n    proxyReq: (proxyReq, req) => {');
  });

  it('adds to an options object another transform built earlier in the same run', () => {
    const builder = {
      name: 'builder',
      summary: '',
      options: {},
      ast: {
        prefilter: (source: string) => source.includes('Fastify()'),
        apply(root: any, ctx: any) {
          const j = ctx.j;
          root.find(j.CallExpression, { callee: { name: 'Fastify' } }).forEach((p: any) => {
            p.node.arguments = [j.objectExpression([j.objectProperty(j.identifier('logger'), j.booleanLiteral(true))])];
          });
          ctx.changed();
        },
      },
    };
    const source = "import Fastify from 'fastify';\n\nconst app = Fastify();\n";
    const out = transformFile({ path: '/r/src/a.ts', relPath: 'src/a.ts', root: '/r', source }, [builder, correlationId], {
      'correlation-id': resolve({ import: '@acme/http' }),
    });
    expect(out.error).toBeUndefined();
    expect(out.output).toMatch(/logger: true,\s*requestIdHeader: 'x-correlation-id'/);
  });

  it('leaves test files and the middleware module itself alone', () => {
    const options = resolve({ import: './src/middleware/correlation-id' });
    expect(correlationId.ast!.exclude!('src/app.test.ts', '/r/src/app.test.ts', options, '/r')).toBe('test file');
    expect(correlationId.ast!.exclude!('test/api.js', '/r/test/api.js', options, '/r')).toBe('test file');
    expect(correlationId.ast!.exclude!('src/middleware/correlation-id.ts', '/r/src/middleware/correlation-id.ts', options, '/r')).toBeTruthy();
    expect(correlationId.ast!.exclude!('src/app.ts', '/r/src/app.ts', options, '/r')).toBeNull();
  });
});

describe('prefilter', () => {
  it('lets through files that create an app or configure a proxy, not router-only files', async () => {
    const { correlationId } = await import('../transforms/correlation-id');
    const pass = (s: string) => correlationId.ast!.prefilter(s, {});
    expect(pass("import express from 'express';\nconst app = express();")).toBe(true);
    expect(pass("import * as ex from 'express';\nconst app = ex.default();")).toBe(true);
    expect(pass("const express_1 = __importDefault(require('express'));\nconst app = (0, express_1.default)();")).toBe(true);
    expect(pass("const app = require('express')();")).toBe(true);
    expect(pass("import { createProxyMiddleware } from 'http-proxy-middleware';")).toBe(true);
    expect(pass("import { Router } from 'express';\nexport const r = Router();")).toBe(false);
    expect(pass("import express from 'express';\nexport const r = express.Router();")).toBe(false);
  });
});

describe('correlation-id finalize', () => {
  const rec = (relPath: string, service: string, header: string, mechanism: string) => ({
    relPath,
    path: `/r/${relPath}`,
    data: { kind: 'correlation-header', service, header, mechanism, line: 3 },
  });

  it('reports once, at the adopted mechanism, when services carry the ID under different headers', () => {
    const items = correlationId.finalize!(
      [rec('api/src/app.js', 'api', 'x-correlation-id', 'shipshape'), rec('gw/src/app.js', 'gw', 'x-request-id', 'express-request-id'), rec('web/src/app.js', 'web', 'x-correlation-id', 'shipshape')],
      {},
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: '/r/gw/src/app.js', line: 3 });
    expect(items[0].message).toContain('x-correlation-id (api, web); x-request-id (gw)');
  });

  it('says nothing when every service uses one header', () => {
    expect(correlationId.finalize!([rec('a.js', 'a', 'x-request-id', 'cls-rtracer'), rec('b.js', 'b', 'x-request-id', 'shipshape')], {})).toEqual([]);
  });
});

describe('fastify-cli plugin apps', () => {
  const plugin = "import { FastifyInstance } from 'fastify';\n\nexport default async function app(fastify: FastifyInstance) {\n  fastify.get('/', async () => 'ok');\n}\n";
  const service = (scripts: Record<string, string>) => ({ name: 'api', dir: '/r/api', package: { scripts }, facts: { apps: [] } }) as unknown as ServiceModel;
  const run = (s: ServiceModel, file = '/r/api/src/app.ts') =>
    transformFile({ path: file, relPath: 'api/src/app.ts', root: '/r', source: plugin, service: s }, [correlationId], { 'correlation-id': resolve({ import: '@acme/http' }) });

  it('reports the app `fastify start` runs (a built dist file maps back to src), never skips it silently', () => {
    const out = run(service({ start: 'fastify start -l info dist/app.js' }));
    expect(out.status).toBe('unchanged');
    expect(out.manual).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('fastify-cli app (fastify start) is a plugin') })]);
  });

  it('says nothing about plugins that are not the started app', () => {
    expect(run(service({ start: 'fastify start dist/app.js' }), '/r/api/src/plugins/db.ts').manual).toEqual([]);
    expect(run(service({ start: 'node dist/server.js' })).manual).toEqual([]);
  });
});
