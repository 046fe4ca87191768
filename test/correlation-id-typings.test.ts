import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { typescriptModule } from '../transforms/correlation-id/templates';

/**
 * The TypeScript scaffold lands in services whose typings are older than shipshape's own: it must
 * compile against each @types/node major a service may still have installed, with @types/express 4
 * and 5. Each combination is one tsc program over the scaffold and a service file using it; the
 * typings come from npm aliases (devDependencies `@types/node14` … `@types/express5`).
 */
const TYPES = path.join(__dirname, '..', 'node_modules', '@types');
const NODES = ['node14', 'node16', 'node18', 'node20'];
const EXPRESSES = ['express4', 'express5'];
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const USAGE = [
  "import express from 'express';",
  "import type { IncomingMessage } from 'http';",
  "import { correlationIdMiddleware, getCorrelationId } from './middleware/correlation-id';",
  "import traceIds from './middleware/trace-ids';",
  'const app = express();',
  'app.use(correlationIdMiddleware);',
  'app.use(traceIds);',
  "app.get('/', (req, res) => {",
  '  const id: string | undefined = req.correlationId;',
  "  res.send(id ?? getCorrelationId() ?? '');",
  '});',
  'export function forwarded(req: IncomingMessage): string | undefined {',
  '  return req.correlationId;',
  '}',
  '',
].join('\n');

/** A service folder whose only typings root holds `node` at the given version (express is mapped by `paths`). */
function service(node: string, expressTypes: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-cid-${node}-${expressTypes}-`));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'types'));
  fs.symlinkSync(path.join(TYPES, node), path.join(dir, 'types', 'node'), 'dir');
  fs.mkdirSync(path.join(dir, 'src', 'middleware'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'middleware', 'correlation-id.ts'), typescriptModule({ header: 'x-correlation-id', name: 'correlationIdMiddleware', kind: 'named' }));
  fs.writeFileSync(path.join(dir, 'src', 'middleware', 'trace-ids.ts'), typescriptModule({ header: 'x-trace', name: 'traceIds', kind: 'default' }));
  fs.writeFileSync(path.join(dir, 'src', 'server.ts'), USAGE);
  return dir;
}

function diagnostics(dir: string, expressTypes: string, more: string[] = []): string[] {
  const files = ['middleware/correlation-id.ts', 'middleware/trace-ids.ts', 'server.ts', ...more];
  return programDiagnostics(dir, files, { express: [path.join(TYPES, expressTypes)], axios: [path.join(__dirname, '..', 'node_modules', 'axios')] });
}

/** One strict tsc program over `files` (under src/), with the service's typings root and `paths` for its libraries. */
function programDiagnostics(dir: string, files: string[], paths: Record<string, string[]>): string[] {
  const program = ts.createProgram(files.map((f) => path.join(dir, 'src', f)), {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    esModuleInterop: true,
    // Libraries' own declarations are the service's business; the scaffold and its use are ours.
    skipLibCheck: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2019,
    types: ['node'],
    typeRoots: [path.join(dir, 'types')],
    baseUrl: dir,
    // The real folders, so the libraries' typings find their own dependencies next to them.
    paths,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('scaffolded TypeScript module against installed typings', () => {
  for (const node of NODES) {
    for (const expressTypes of EXPRESSES) {
      it(`compiles with @types/${node.replace('node', 'node@')} and @types/${expressTypes.replace('express', 'express@')}`, () => {
        const dir = service(node, expressTypes);
        // The program really uses that @types/node: its version is what the service has.
        const version = JSON.parse(fs.readFileSync(path.join(TYPES, node, 'package.json'), 'utf8')).version;
        expect(version.split('.')[0]).toBe(node.replace('node', ''));
        expect(diagnostics(dir, expressTypes)).toEqual([]);
      });
    }
  }
});

describe('the axios interceptor correlation-id writes', () => {
  it('compiles against axios 1 typings next to the scaffold', () => {
    const dir = service('node20', 'express5');
    fs.mkdirSync(path.join(dir, 'src', 'clients'));
    const migrated = fs.readFileSync(path.join(__dirname, '..', '__testfixtures__', 'correlation-id', 'axios-instance.output.ts'), 'utf8');
    fs.writeFileSync(path.join(dir, 'src', 'clients', 'orders.ts'), migrated);
    expect(diagnostics(dir, 'express5', ['clients/orders.ts'])).toEqual([]);
  });
});

/** Each other framework's adapter, in a module of that framework only, used the way the run installs it. */
const FRAMEWORK_USES: Record<'koa' | 'hapi' | 'fastify', { usage: string; paths: Record<string, string[]> }> = {
  koa: {
    usage: [
      "import Koa from 'koa';",
      "import { getCorrelationId, koaCorrelationId } from './middleware/correlation-id';",
      'const app = new Koa();',
      'app.use(koaCorrelationId);',
      'app.use(async (ctx) => {',
      "  ctx.body = String(ctx.state.correlationId ?? getCorrelationId() ?? '');",
      '});',
      'export default app;',
      '',
    ].join('\n'),
    paths: { koa: [path.join(TYPES, 'koa')] },
  },
  hapi: {
    usage: [
      "import Hapi from '@hapi/hapi';",
      "import { getCorrelationId, hapiCorrelationId } from './middleware/correlation-id';",
      'export async function init(): Promise<void> {',
      '  const server = Hapi.server({ port: 0 });',
      '  await server.register(hapiCorrelationId);',
      "  server.route({ method: 'GET', path: '/', handler: () => getCorrelationId() ?? '' });",
      '}',
      '',
    ].join('\n'),
    paths: { '@hapi/hapi': [path.join(__dirname, '..', 'node_modules', '@hapi', 'hapi')] },
  },
  fastify: {
    usage: [
      "import type { FastifyPluginAsync } from 'fastify';",
      "import { fastifyCorrelationId, getCorrelationId } from './middleware/correlation-id';",
      'const app: FastifyPluginAsync = async (fastify): Promise<void> => {',
      '  fastifyCorrelationId(fastify);',
      "  fastify.get('/', async () => getCorrelationId() ?? '');",
      '};',
      'export default app;',
      '',
    ].join('\n'),
    paths: { fastify: [path.join(__dirname, '..', 'node_modules', 'fastify')] },
  },
};

describe('scaffolded TypeScript adapters for Koa, hapi and fastify-cli apps', () => {
  for (const framework of ['koa', 'hapi', 'fastify'] as const) {
    for (const node of ['node14', 'node20']) {
      it(`${framework}: compiles with @types/${node.replace('node', 'node@')} and no Express typings`, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-cid-${framework}-${node}-`));
        dirs.push(dir);
        fs.mkdirSync(path.join(dir, 'types'));
        fs.symlinkSync(path.join(TYPES, node), path.join(dir, 'types', 'node'), 'dir');
        fs.mkdirSync(path.join(dir, 'src', 'middleware'), { recursive: true });
        const module = typescriptModule({ header: 'x-correlation-id', name: 'correlationIdMiddleware', kind: 'named', frameworks: [framework] });
        expect(module).not.toContain("from 'express'");
        fs.writeFileSync(path.join(dir, 'src', 'middleware', 'correlation-id.ts'), module);
        fs.writeFileSync(path.join(dir, 'src', 'server.ts'), FRAMEWORK_USES[framework].usage);
        expect(programDiagnostics(dir, ['middleware/correlation-id.ts', 'server.ts'], FRAMEWORK_USES[framework].paths)).toEqual([]);
      });
    }
  }
});
