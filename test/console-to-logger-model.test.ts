import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import type { FleetModel, ServiceModel } from '../src/fleet/types';
import { loggerScaffold } from '../src/scaffold/logger';
import { transformFile } from '../src/engine/transform-file';
import { consoleToLogger } from '../transforms/console-to-logger';
import { gracefulShutdown } from '../transforms/graceful-shutdown';
import { looksSecret } from '../transforms/console-to-logger/secrets';
import { normaliseServiceName } from '../transforms/console-to-logger/profile';
import { makeService } from './helpers/service';

const ROOT = '/virtual/repo';

function prepare(service: ServiceModel, files: Record<string, string>, given: Record<string, unknown> = {}) {
  const options = resolveOptions(consoleToLogger, given, 'test');
  return consoleToLogger.prepare!({ cwd: ROOT, root: ROOT, files: Object.keys(files), options, read: (f) => files[f], service }) as Record<string, any>;
}

function fleetOf(services: ServiceModel[], roles: FleetModel['roles'] = {}): FleetModel {
  return { root: ROOT, services, roles, roleReasons: {}, buildMs: 0 };
}

describe('console-to-logger decides the logger from the fleet model', () => {
  const files = { [`${ROOT}/src/a.ts`]: "import { log } from './utils/log';\nconsole.log('x');\n" };

  it('uses the logger the model found: its module and export', () => {
    const named = makeService({ facts: { logger: { module: `${ROOT}/src/lib/logger.ts`, exportName: 'appLogger', library: 'winston', why: 'exports winston.createLogger()' } } });
    expect(prepare(named, files)).toMatchObject({ import: `${ROOT}/src/lib/logger.ts`, name: 'appLogger', kind: 'named' });
    const byDefault = makeService({ facts: { logger: { module: '@acme/log', exportName: 'default', library: 'pino', why: 'default export is pino()' } } });
    expect(prepare(byDefault, files)).toMatchObject({ import: '@acme/log', name: 'logger', kind: 'default' });
  });

  it('never takes a binding for the logger because of its name: without a logger in the model, one is scaffolded', () => {
    // `log` is imported by every file, but the model did not find a logger behind it.
    const options = prepare(makeService(), files);
    expect(options).toMatchObject({ import: `${ROOT}/src/logger.ts`, name: 'logger', kind: 'named', scaffoldLogger: 'plain' });
    const generated = consoleToLogger.generate!({ cwd: ROOT, root: ROOT, files: Object.keys(files), options, read: (f) => files[f], service: makeService() });
    expect(generated.map((g) => g.path)).toEqual([`${ROOT}/src/logger.ts`]);
    expect(generated[0].content).toContain('process.stdout.write');
  });

  it('a configured import wins over the model', () => {
    const service = makeService({ facts: { logger: { module: `${ROOT}/src/lib/logger.ts`, exportName: 'logger', library: 'winston', why: 'x' } } });
    expect(prepare(service, files, { import: '@acme/shared' })).toMatchObject({ import: '@acme/shared' });
  });

  it('scaffolds with the library the service depends on, in its language and module system', () => {
    const pkg = (deps: Record<string, string>) => ({ file: `${ROOT}/package.json`, scripts: {}, dependencies: deps, devDependencies: {}, installed: {} });
    const pino = loggerScaffold(makeService({ language: 'javascript', moduleSystem: 'commonjs', package: pkg({ pino: '^9.0.0' }) }));
    expect(pino).toMatchObject({ path: `${ROOT}/src/logger.js`, library: 'pino' });
    expect(pino.content).toContain("const pino = require('pino');");
    expect(pino.content).toContain('module.exports = { logger };');
    const winston = loggerScaffold(makeService({ package: pkg({ winston: '^3.0.0' }) }));
    expect(winston.content).toContain("import winston from 'winston';");
    expect(winston.content).toContain('winston.format.errors({ stack: true })');
    const options = prepare(makeService({ package: pkg({ pino: '^9.0.0' }) }), files);
    expect(options.style).toBe('pino');
  });

  it('the scaffold reads the correlation ID from the correlation-id module when the service has it, and the calls then add none', () => {
    const service = makeService({ facts: { correlation: [{ mechanism: 'shipshape', requestProperty: 'correlationId', file: `${ROOT}/src/middleware/correlation-id.ts`, line: 1 }] } });
    const scaffold = loggerScaffold(service);
    expect(scaffold.addsCorrelationId).toBe(true);
    expect(scaffold.content).toContain("import { getCorrelationId } from './middleware/correlation-id';");
    expect(prepare(service, files).correlationId).toBe(false);
    const esm = loggerScaffold({ ...service, language: 'javascript', moduleSystem: 'esm', facts: { ...service.facts, correlation: [{ mechanism: 'shipshape', file: `${ROOT}/src/middleware/correlation-id.js`, line: 1 }] } });
    expect(esm.content).toContain("import { getCorrelationId } from './middleware/correlation-id.js';");
  });

  it('the scaffold finds the correlation-id module shipshape wrote in the service without a model fact', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-corr-'));
    fs.mkdirSync(path.join(dir, 'middleware'));
    fs.writeFileSync(path.join(dir, 'middleware', 'correlation-id.ts'), 'export function getCorrelationId(): string | undefined {\n  return undefined;\n}\n');
    const scaffold = loggerScaffold(makeService({ dir, sourceRoot: dir }));
    expect(scaffold.content).toContain("import { getCorrelationId } from './middleware/correlation-id';");
    expect(loggerScaffold(makeService({ dir: '/nowhere', sourceRoot: '/nowhere/src' })).addsCorrelationId).toBe(false);
  });

  it('the scaffolded module writes one JSON line with the error message, stack and correlation ID', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scaffold-'));
    fs.mkdirSync(path.join(dir, 'middleware'));
    fs.writeFileSync(path.join(dir, 'middleware', 'correlation-id.js'), "module.exports = { getCorrelationId: () => 'corr-1' };\n");
    const service = makeService({ dir, sourceRoot: dir, language: 'javascript', moduleSystem: 'commonjs', facts: { correlation: [{ mechanism: 'shipshape', file: path.join(dir, 'middleware', 'correlation-id.js'), line: 1 }] } });
    const scaffold = loggerScaffold(service);
    fs.writeFileSync(scaffold.path, scaffold.content);
    const { logger } = require(scaffold.path);
    let out = '';
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => ((out += chunk), true)) as any;
    try {
      logger.error('Charge failed', { error: new Error('card declined'), orderId: 7 });
      logger.debug('not shown at the default level');
    } finally {
      process.stdout.write = write;
    }
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]);
    expect(record).toMatchObject({ level: 'error', message: 'Charge failed', orderId: 7, correlationId: 'corr-1', error: { message: 'card declined' } });
    expect(record.error.stack).toContain('card declined');
  });
});

describe('console-to-logger run-level checks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-finalize-'));
  const src = path.join(dir, 'src', 'notify.ts');
  const spec = path.join(dir, 'test', 'notify.test.ts');
  fs.mkdirSync(path.dirname(src), { recursive: true });
  fs.mkdirSync(path.dirname(spec), { recursive: true });
  fs.writeFileSync(spec, "import { notify } from '../src/notify';\n\nit('logs', () => {\n  const spy = jest.spyOn(console, 'error');\n  notify();\n  expect(spy).toHaveBeenCalled();\n});\n");
  const record = (service: string, calls: { line: number; method: string }[]) => ({ relPath: 'src/notify.ts', path: src, data: { service, logger: 'winston logger', calls } });

  it('names a test that spies on a console method whose calls this run rewrote', () => {
    const fleet = fleetOf([makeService({ name: 'mailer', dir })], { [spec]: 'test', [src]: 'runtime' });
    const items = consoleToLogger.finalize!([record('mailer', [{ line: 3, method: 'error' }])], {}, fleet).filter((i) => i.path === spec);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ line: 4 });
    expect(items[0].message).toContain('observes console.error');
    expect(items[0].message).toContain('src/notify.ts:3');
    // A spy on another method is not affected.
    expect(consoleToLogger.finalize!([record('mailer', [{ line: 3, method: 'log' }])], {}, fleet).filter((i) => i.path === spec)).toEqual([]);
  });

  it('one item per service whose winston printf prints no metadata, at the format line', () => {
    const service = makeService({ name: 'mailer', dir, facts: { logger: { module: src, exportName: 'logger', library: 'winston', why: 'x', winston: { json: false, errors: false, printfIgnoresMeta: { file: `${dir}/src/log.ts`, line: 9 } } } } });
    const items = consoleToLogger.finalize!([record('mailer', [{ line: 3, method: 'log' }]), record('mailer', [{ line: 5, method: 'log' }])], {}, fleetOf([service]));
    const printf = items.filter((i) => i.path === `${dir}/src/log.ts`);
    expect(printf).toHaveLength(1);
    expect(printf[0]).toMatchObject({ line: 9 });
    expect(printf[0].message).toContain('2 console calls rewritten in mailer');
  });

  it('says once per service that stderr output now goes to stdout', () => {
    const items = consoleToLogger.finalize!([record('mailer', [{ line: 3, method: 'log' }, { line: 8, method: 'warn' }]), record('mailer', [{ line: 2, method: 'error' }])], {}, fleetOf([makeService({ name: 'mailer', dir })]));
    const stderr = items.filter((i) => i.message.includes('stderr'));
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatchObject({ path: src, line: 8 });
  });
});

describe('console-to-logger names', () => {
  it('compares tags and service names ignoring case, spaces, hyphens and a service suffix', () => {
    expect(normaliseServiceName('Payment Service')).toBe(normaliseServiceName('payment-service'));
    expect(normaliseServiceName('@shop/billing-service')).toBe('billing');
    expect(normaliseServiceName('BILLING-SVC')).toBe('billing');
    expect(normaliseServiceName('billing/checkout')).not.toBe('billing');
  });

  it('takes qualified keys, secrets, tokens and passwords for secrets, not a bare key or a count', () => {
    for (const name of ['apiKey', 'JWT_KEY', 'secret', 'clientSecret', 'accessToken', 'password', 'DB_PASSWORD']) expect(looksSecret(name), name).toBe(true);
    for (const name of ['key', 'tokenCount', 'keys', 'passwordResetSent', 'port']) expect(looksSecret(name), name).toBe(false);
  });
});

describe("console calls another transform writes (graceful-shutdown's handler)", () => {
  // bulletproof-nodejs: no file logs through console, the service has a winston logger, and
  // src/app.ts, which does not import it, gets a handler that logs.
  const app = "import express from 'express';\n\nconst app = express();\nconst server = app.listen(3000);\n\nexport default server;\n";
  const run = async (service: ServiceModel) => {
    const file = `${ROOT}/src/app.ts`;
    const options: Record<string, any> = {};
    for (const t of [consoleToLogger, gracefulShutdown]) {
      options[t.name] = await t.prepare!({ cwd: ROOT, root: ROOT, files: [file], options: resolveOptions(t, {}, 'test'), read: () => app, service });
    }
    return transformFile({ path: file, relPath: 'src/app.ts', root: ROOT, source: app, service }, [consoleToLogger, gracefulShutdown], options);
  };

  it("are rewritten to the service's logger, though prepare saw no console call", async () => {
    const service = makeService({ facts: { logger: { module: `${ROOT}/src/loaders/logger.ts`, exportName: 'default', library: 'winston', why: 'exports winston.createLogger()' } } });
    const result = await run(service);
    expect(result.error).toBeUndefined();
    expect(result.output).toContain("import logger from './loaders/logger';");
    expect(result.output).not.toContain('console.');
  });

  it('stay on console when the service has no logger to import (nothing is scaffolded for them)', async () => {
    const result = await run(makeService());
    expect(result.error).toBeUndefined();
    expect(result.output).toContain('console.');
  });
});
