import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { hasRequestInScope, isRequestHandler } from '../src/ast/handlers';
import { resolveOptions } from '../src/config/options';
import { parserFor } from '../src/engine/parser';
import { onlyMemberObjects } from '../src/ast/scope';
import { transformFile } from '../src/engine/transform-file';
import { UsageError } from '../src/types';
import { consoleToLogger } from '../transforms/console-to-logger';
import { detectLoggerImport, loggerImportsIn } from '../transforms/console-to-logger/prepare';
import { skipReason } from '../transforms/console-to-logger/skip';

const ROOT = '/r';

function prepare(files: Record<string, string>, given: Record<string, unknown> = {}) {
  const options = resolveOptions(consoleToLogger, given, 'test');
  return consoleToLogger.prepare!({ cwd: ROOT, root: ROOT, files: Object.keys(files), options, read: (f) => files[f] });
}

describe('console-to-logger prepare: the logger import most files use', () => {
  it('reads named, aliased, default and CommonJS logger imports', () => {
    expect(loggerImportsIn("import { logger } from './log';")).toEqual([{ spec: './log', name: 'logger', kind: 'named' }]);
    expect(loggerImportsIn("import { createLogger as make, logger as log } from '@acme/shared';")).toEqual([{ spec: '@acme/shared', name: 'logger', kind: 'named' }]);
    expect(loggerImportsIn("import log from '../log';")).toEqual([{ spec: '../log', name: 'log', kind: 'default' }]);
    expect(loggerImportsIn("const { logger } = require('./log');")).toEqual([{ spec: './log', name: 'logger', kind: 'named' }]);
    expect(loggerImportsIn("const logger = require('./log').logger;")).toEqual([{ spec: './log', name: 'logger', kind: 'named' }]);
    expect(loggerImportsIn("const log = require('./log');")).toEqual([{ spec: './log', name: 'log', kind: 'default' }]);
  });

  it('ignores type-only imports, logger classes and the logging libraries themselves', () => {
    expect(loggerImportsIn("import type { logger } from './log';")).toEqual([]);
    expect(loggerImportsIn("import { Logger } from '@nestjs/common';")).toEqual([]);
    expect(loggerImportsIn("import pino from 'pino';\nconst logger = require('winston');")).toEqual([]);
  });

  it('picks the module most files import, written relative to the root', () => {
    const files = {
      '/r/src/a.ts': "import { logger } from './lib/logger';\n",
      '/r/src/routes/b.ts': "import { logger } from '../lib/logger.js';\n",
      '/r/src/c.ts': "import log from '@acme/log';\n",
      '/r/src/d.ts': 'export const nothing = 1;\n',
    };
    expect(detectLoggerImport(Object.keys(files), (f) => files[f as keyof typeof files], ROOT)).toEqual({ module: './src/lib/logger', name: 'logger', kind: 'named' });
  });

  it('fills in import, name and kind when the config does not set them', async () => {
    const options = await prepare({ '/r/src/a.js': "const log = require('../lib/log');\nconsole.log(1);\n", '/r/src/b.js': "const log = require('../lib/log');\n" });
    expect(options).toMatchObject({ import: './lib/log', name: 'log', kind: 'default' });
  });

  it('keeps a configured import as it is, without reading files', async () => {
    const options = await prepare({ '/r/a.ts': "import { log } from './other';\n" }, { import: '@acme/shared' });
    expect(options).toMatchObject({ import: '@acme/shared', name: 'logger', kind: 'named' });
  });

  it('asks for nothing when no file has a console call', async () => {
    const options = await prepare({ '/r/a.ts': 'export const a = 1;\n' });
    expect(options.import).toBeUndefined();
  });

  it('without any logger import: a usage error that shows the config to add', async () => {
    const err = await Promise.resolve()
      .then(() => prepare({ '/r/a.ts': "console.log('x');\n" }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('shipshape.config.json');
    expect(err.message).toContain('"console-to-logger": { "import": "./src/lib/logger", "name": "logger", "kind": "named" }');
  });
});

describe('console-to-logger options', () => {
  const check = (given: Record<string, unknown>) => () => resolveOptions(consoleToLogger, given, 'cfg');
  it('fills defaults', () => {
    const filled = check({ import: 'x' })();
    expect(filled).toMatchObject({ name: 'logger', kind: 'named', stripTags: true, skipBrowser: true, skipTests: true, skipScripts: true });
    // Left unset so the fleet model's logger and correlation mechanism decide.
    expect(filled.style).toBeUndefined();
    expect(filled.correlationId).toBeUndefined();
  });
  it('rejects unknown levels, bad method names, bad keys and bad expressions', () => {
    expect(check({ levels: { table: 'info' } })).toThrow(/unknown console method 'table'/);
    expect(check({ levels: { log: 'not a method' } })).toThrow(/not a method name/);
    expect(check({ errorKey: 'an error' })).toThrow(/expected an identifier/);
    expect(check({ correlationId: 'req.' })).toThrow(/not a JavaScript expression/);
    expect(check({ style: 'log4js' })).toThrow(/expected one of 'winston', 'pino', 'bunyan'/);
    expect(check({ correlationId: false })).not.toThrow();
  });
});

describe('console-to-logger skips', () => {
  const opts = { import: './src/lib/logger', skipBrowser: true, skipTests: true, skipScripts: true };
  it('skips the logger module, browser folders, tests and scripts at any depth', () => {
    expect(skipReason('src/lib/logger.ts', '/r/src/lib/logger.ts', opts, ROOT)).toMatch(/logger module/);
    expect(skipReason('src/lib/logger/index.ts', '/r/src/lib/logger/index.ts', opts, ROOT)).toMatch(/logger module/);
    expect(skipReason('src/lib/logger/format.ts', '/r/src/lib/logger/format.ts', opts, ROOT)).toMatch(/logger module/);
    expect(skipReason('src/lib/loggers.ts', '/r/src/lib/loggers.ts', opts, ROOT)).toBeNull();
    expect(skipReason('apps/web/frontend/x.js', '/r/apps/web/frontend/x.js', opts, ROOT)).toMatch(/browser/);
    expect(skipReason('src/a.spec.ts', '/r/src/a.spec.ts', opts, ROOT)).toMatch(/test/);
    expect(skipReason('services/x/bin/cli.js', '/r/services/x/bin/cli.js', opts, ROOT)).toMatch(/script/);
    expect(skipReason('src/binding.ts', '/r/src/binding.ts', opts, ROOT)).toBeNull();
    expect(skipReason('src/a.test.ts', '/r/src/a.test.ts', { ...opts, skipTests: false }, ROOT)).toBeNull();
  });
});

describe('src/ast/handlers', () => {
  const j = jscodeshift.withParser(parserFor('/a.ts'));
  /** Whether `req` is the handler's request at the call of `probe()` in `code`. */
  const atProbe = (code: string) => {
    let found: boolean | null = null;
    j(code)
      .find(j.CallExpression, { callee: { name: 'probe' } })
      .forEach((p) => (found = hasRequestInScope(p)));
    return found;
  };
  it('finds req in (req, res), (req, res, next), (err, req, res, next) and req: Request', () => {
    expect(atProbe('app.get("/", (req, res) => { probe(); });')).toBe(true);
    expect(atProbe('app.use(function (req, res, next) { if (x) { probe(); } });')).toBe(true);
    expect(atProbe('app.use((err, req, res, next) => probe());')).toBe(true);
    expect(atProbe('function audit(req: express.Request) { probe(); }')).toBe(true);
    expect(atProbe('app.get("/", (req, res) => { items.forEach((item) => probe()); });')).toBe(true);
  });
  it('does not find it outside handlers or when a nearer req hides it', () => {
    expect(atProbe('probe();')).toBe(false);
    expect(atProbe('function f(req) { probe(); }')).toBe(false);
    expect(atProbe('app.get("/", (req, res) => { const g = (req: number) => probe(); });')).toBe(false);
    expect(atProbe('function f(request, response) { probe(); }')).toBe(false);
  });
  it('isRequestHandler checks parameter shapes', () => {
    const fn = (code: string) => (j(code).get().node.program.body[0] as any).expression;
    expect(isRequestHandler(fn('(req, res) => 1'))).toBe(true);
    expect(isRequestHandler(fn('(req, res, next, extra) => 1'))).toBe(false);
    expect(isRequestHandler(fn('(a, b) => 1'))).toBe(false);
  });
});

describe('console-to-logger through the engine', () => {
  const run = (source: string, options: Record<string, unknown> = {}) => {
    const resolved = resolveOptions(consoleToLogger, { import: './src/lib/logger', ...options }, 'test');
    return transformFile({ path: '/r/src/a.ts', relPath: 'src/a.ts', root: ROOT, source }, [consoleToLogger], { 'console-to-logger': resolved });
  };
  it('counts one change per rewritten call, not the import', () => {
    expect(run("console.log('a');\nconsole.warn('b');\n").changes).toEqual({ 'console-to-logger': 2 });
  });
  it('rewrites calls of the global console and reports those of a local one, however the local one is declared', () => {
    // A file whose every `console` is a member object declares none: no scope is scanned for it.
    expect(run("console.log('a');\nfunction f() { console.error('b'); }\n").changes).toEqual({ 'console-to-logger': 2 });
    const locals = [
      "function f(console) { console.log('a'); }\nconsole.log('b');\n",
      "const console = makeConsole();\nconsole.log('a');\n",
      "try { x(); } catch (console) { console.log('a'); }\n",
      "const { console } = deps;\nconsole.log('a');\n",
      "import console from './console';\nconsole.log('a');\n",
    ];
    const consoles = (source: string) => jscodeshift.withParser(parserFor('/r/a.ts') as any)(source).find(jscodeshift.Identifier, { name: 'console' }).paths();
    expect(onlyMemberObjects(consoles("console.log('a');\nconsole?.error(b);\n"))).toBe(true);
    for (const source of locals) {
      expect(onlyMemberObjects(consoles(source)), source).toBe(false);
      const r = run(source);
      expect(r.manual, source).toEqual([expect.objectContaining({ message: expect.stringContaining('local binding named console') })]);
    }
  });
  it('adds no import when nothing was rewritten, and reports what it left', () => {
    const r = run('console.table(rows);\n');
    expect(r.status).toBe('unchanged');
    expect(r.manual).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('console.table()') })]);
  });
  it('sets facts.logger to the local name it used, for graceful-shutdown', () => {
    // The facts of the pass both run in (a spy that wants every text also runs again on the result, with fresh facts).
    let facts: Record<string, unknown> | undefined;
    const spy = { name: 'spy', summary: '', options: {}, ast: { prefilter: () => true, apply: (_r: any, ctx: any) => void (facts ??= ctx.facts) } };
    const resolved = resolveOptions(consoleToLogger, { import: './src/lib/logger' }, 'test');
    transformFile({ path: '/r/src/a.ts', relPath: 'src/a.ts', root: ROOT, source: "const logger = 1;\nconsole.log('a');\n" }, [consoleToLogger, spy], { 'console-to-logger': resolved });
    expect(facts?.logger).toBe('logger2');
    expect(facts?.loggerStyle).toBe('winston');
  });
  it('leaves a file importing react alone, without manual items', () => {
    const r = run("import { useState } from 'react';\nconsole.table(x);\nconsole.log('a');\n");
    expect(r.status).toBe('unchanged');
    expect(r.manual).toEqual([]);
  });
});

describe('logger detection ignores request-logging middleware', () => {
  it('does not pick morgan bound as morganLogger', async () => {
    const { loggerImportsIn } = await import('../transforms/console-to-logger/prepare');
    expect(loggerImportsIn("const morganLogger = require('morgan');\nconst { logger } = require('./lib/logger');\n")).toEqual([
      { spec: './lib/logger', name: 'logger', kind: 'named' },
    ]);
  });
});
