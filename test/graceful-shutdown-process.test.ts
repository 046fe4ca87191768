import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { ServiceModel, SignalHandlerFact } from '../src/fleet/types';
import type { Options } from '../src/types';
import { gracefulShutdown } from '../transforms/graceful-shutdown';
import { serviceModel } from './helpers/service-model';

/** graceful-shutdown deciding from the whole process (the fleet model), not the file alone. */
const DIR = '/virtual/svc';
const at = (rel: string) => path.posix.join(DIR, rel);

async function run(rel: string, source: string, service: ServiceModel, given: Options = {}, transforms: string[] = ['graceful-shutdown']) {
  let options = resolveOptions(gracefulShutdown, given, 'test');
  options = await gracefulShutdown.prepare!({ cwd: DIR, root: DIR, files: [at(rel)], options, read: () => '', service, transforms });
  const result = transformFile({ path: at(rel), relPath: rel, root: DIR, source, service, role: 'runtime' }, [gracefulShutdown], { 'graceful-shutdown': options });
  expect(result.error).toBeUndefined();
  const code = result.output ?? source;
  // A second run over the result changes nothing.
  const again = transformFile({ path: at(rel), relPath: rel, root: DIR, source: code, service, role: 'runtime' }, [gracefulShutdown], { 'graceful-shutdown': options });
  return { ...result, code, again: again.output ?? code, options };
}

function signal(file: string, line: number, more: Partial<SignalHandlerFact> = {}): SignalHandlerFact {
  return { file: at(file), line, signal: 'SIGTERM', closesServer: false, exits: true, exitsBeforeClose: false, closes: [], ...more };
}

const SERVER = "const express = require('express');\nconst app = express();\napp.get('/slow', (req, res) => res.send('ok'));\napp.listen(3000);\n";
const listening = { apps: [{ framework: 'express' as const, binding: 'app', file: at('src/index.js'), line: 2, listens: { file: at('src/index.js'), line: 4 } }] };

describe('graceful-shutdown: one handler per signal in the whole process', () => {
  it('adds only SIGTERM when another module already handles SIGINT (a second server.close() would throw)', async () => {
    const service = serviceModel(DIR, { ...listening, signals: [signal('src/shutdownHandler.js', 3, { signal: 'SIGINT', closesServer: true, exits: false })] });
    const r = await run('src/index.js', SERVER, service);
    expect(r.code).toContain("process.once('SIGTERM', shutdown);");
    expect(r.code).not.toContain("'SIGINT'");
    expect(r.again).toBe(r.code);
  });

  it('changes nothing when a complete handler exists in another module', async () => {
    const service = serviceModel(DIR, { ...listening, signals: [signal('src/lifecycle/stop.js', 8, { closesServer: true })] });
    const r = await run('src/index.js', SERVER, service);
    expect(r.status).toBe('unchanged');
    expect(r.manual).toEqual([]);
  });

  it('reports what an incomplete handler misses, in its own file, never "SIGTERM is not handled"', async () => {
    const service = serviceModel(DIR, {
      ...listening,
      signals: [signal('src/nats.js', 4, { closes: ['natsClient.close()'], inFunction: 'connectNats' })],
      resources: [
        { kind: 'pg', binding: 'pool', file: at('src/db.js'), line: 3, close: 'pool.end()' },
        { kind: 'nats', binding: 'natsClient', file: at('src/nats.js'), line: 3, close: 'natsClient.drain()' },
      ],
    });
    const nats = "const { connect } = require('nats');\nasync function connectNats() {\n  const natsClient = await connect();\n  process.on('SIGTERM', () => natsClient.close());\n}\nmodule.exports = { connectNats };\n";
    const handlerFile = await run('src/nats.js', nats, service);
    expect(handlerFile.status).toBe('unchanged');
    expect(handlerFile.manual).toHaveLength(1);
    const message = handlerFile.manual[0].message;
    expect(handlerFile.manual[0].line).toBe(4);
    expect(message).toContain('does not close the HTTP server');
    expect(message).toContain('pool (pg, src/db.js:3)');
    // What the handler closes (`natsClient.close()`) is not reported missing.
    expect(message).not.toContain('natsClient (nats');
    expect(message).toContain('registered inside connectNats()');
    expect(message).not.toMatch(/not handled/);
    // The server's file gets no second SIGTERM handler.
    expect((await run('src/index.js', SERVER, service)).status).toBe('unchanged');
  });

  it('says so when the file handles SIGTERM in a form the model cannot read', async () => {
    const source = `${SERVER}['SIGINT', 'SIGTERM'].forEach((s) => process.once(s, () => server.closeAllConnections()));\n`;
    const r = await run('src/index.js', source, serviceModel(DIR, listening));
    expect(r.status).toBe('unchanged');
    expect(r.manual).toEqual([{ transform: 'graceful-shutdown', line: 5, message: expect.stringContaining('in a form shipshape cannot read') }]);
  });

  it('completes an exiting handler of the same file by draining first, then running it', async () => {
    const source = `${SERVER}process.on('SIGTERM', () => sdk.shutdown().finally(() => process.exit(0)));\n`;
    const service = serviceModel(DIR, { ...listening, signals: [signal('src/index.js', 5)] });
    const r = await run('src/index.js', source, service);
    expect(r.code).toContain("process.on('SIGTERM', (signal) => shutdown(signal, () => sdk.shutdown().finally(() => process.exit(0))));");
    expect(r.code).toContain('async function shutdown(signal, then) {');
    expect(r.code).toContain('await then(signal);');
    expect(r.code).not.toContain('process.once(');
    expect(r.manual).toEqual([]);
  });

  it('types the wrapper parameter in TypeScript, so it type-checks whether or not @types/node is there to type process.on', async () => {
    const service = serviceModel(DIR, { ...listening, signals: [signal('src/telemetry.ts', 3)] });
    const telemetry = "import { sdk } from './sdk';\n\nprocess.on('SIGTERM', async () => {\n  await sdk.shutdown();\n});\n";
    const handler = await run('src/telemetry.ts', telemetry, service);
    expect(handler.code).toContain("process.on('SIGTERM', (signal: NodeJS.Signals) => runShutdown(signal, async () => {");
    expect(handler.again).toBe(handler.code);
  });

  it('completes a handler in another module through the lifecycle module: the server module registers its drain step', async () => {
    const service = serviceModel(DIR, { ...listening, signals: [signal('src/telemetry.js', 3)] });
    const telemetry = "const sdk = require('./sdk');\n\nprocess.on('SIGTERM', () => sdk.shutdown().finally(() => process.exit(0)));\n";
    const handler = await run('src/telemetry.js', telemetry, service);
    expect(handler.code).toContain("const { runShutdown } = require('./lifecycle');");
    expect(handler.code).toContain("process.on('SIGTERM', (signal) => runShutdown(signal, () => sdk.shutdown().finally(() => process.exit(0))));");
    const server = await run('src/index.js', SERVER, service);
    expect(server.code).toContain("const { onShutdown } = require('./lifecycle');");
    expect(server.code).toContain('onShutdown(shutdown);');
    expect(server.code).not.toMatch(/process\.(once|on)\(/);
    expect(server.again).toBe(server.code);
    expect(handler.again).toBe(handler.code);
    // The lifecycle module is generated for the service.
    expect(gracefulShutdown.generate!({ cwd: DIR, root: DIR, files: [], options: server.options, read: () => '', service }).map((g) => g.path)).toEqual([at('src/lifecycle.js')]);
  });

  it('registers once when the server starts in a function callers run repeatedly', async () => {
    const source = "const express = require('express');\nconst app = express();\nfunction startWebServer() {\n  const server = app.listen(3000);\n  return server;\n}\nmodule.exports = { startWebServer };\n";
    const service = serviceModel(DIR, { apps: [{ framework: 'express', file: at('src/index.js'), line: 2, listens: { file: at('src/index.js'), line: 4 } }] });
    const r = await run('src/index.js', source, service);
    expect(r.code).toMatch(/^let shutdownRegistered = false;\n\nfunction startWebServer\(\) \{/m);
    expect(r.code).toContain('  if (!shutdownRegistered) {\n    shutdownRegistered = true;\n    process.once(');
  });

  it('puts the one handler next to the entry that listens and reports the other servers', async () => {
    const service = serviceModel(
      DIR,
      { apps: [{ framework: 'express', file: at('src/admin.js'), line: 2, listens: { file: at('src/admin.js'), line: 4 } }, ...listening.apps] },
      { entries: [{ file: at('src/index.js'), from: 'scripts.start', detail: 'node src/index.js' }] },
    );
    const other = await run('src/admin.js', SERVER, service);
    expect(other.status).toBe('unchanged');
    expect(other.manual[0].message).toContain('goes next to the server of src/index.js');
    expect((await run('src/index.js', SERVER, service)).status).toBe('changed');
  });
});

describe('graceful-shutdown: timing from the orchestrator', () => {
  it('ends drain delay plus timeout 5 s before the grace period (30 s default: 5 s drain, 20 s timeout)', async () => {
    const r = await run('src/index.js', SERVER, serviceModel(DIR, listening));
    expect(r.code).toContain('}, 25000).unref();');
    expect(r.code).toContain("if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));");
  });
  it("reads Kubernetes' terminationGracePeriodSeconds, and halves the drain delay on a short one", async () => {
    const k8s = serviceModel(DIR, listening, { deploy: { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: 60, source: 'kubernetes', where: { file: at('k8s.yaml'), line: 9 } } } });
    expect((await run('src/index.js', SERVER, k8s)).code).toContain('}, 55000).unref();');
    const short = serviceModel(DIR, listening, { deploy: { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: 10, source: 'compose' } } });
    const r = await run('src/index.js', SERVER, short);
    expect(r.code).toContain('}, 5000).unref();');
    expect(r.code).toContain('setTimeout(resolve, 2500)');
  });
  it('reports a configured timeout that outlasts the grace period', async () => {
    const r = await run('src/index.js', SERVER, serviceModel(DIR, listening), { timeoutMs: 30000 });
    expect(r.manual.map((m) => m.message)).toEqual([expect.stringContaining('kills the process after 30 s')]);
  });
  it('flips /ready first when readiness-probe runs in the same run', async () => {
    const r = await run('src/index.js', SERVER, serviceModel(DIR, listening), {}, ['graceful-shutdown', 'readiness-probe']);
    expect(r.code).toContain("const { markDraining } = require('./lifecycle');");
    expect(r.code).toContain('markDraining(); // /ready now answers 503');
    const plain = await run('src/index.js', SERVER, serviceModel(DIR, listening));
    expect(plain.code).not.toContain('markDraining');
  });
});

describe('graceful-shutdown: logger call order from the service logger library', () => {
  // The file's own calls look like winston's; the model says pino, and pino wins.
  const source = "const express = require('express');\nconst logger = require('./logger');\nconst app = express();\nlogger.info('starting', { port: 3000 });\napp.listen(3000);\n";
  const logger = (library: 'pino' | 'winston', errors = false) =>
    serviceModel(DIR, { ...listening, logger: { module: at('src/logger.js'), exportName: 'module.exports', library, why: 'test', winston: library === 'winston' ? { json: true, errors } : undefined } });
  it('pino: fields first', async () => {
    const r = await run('src/index.js', source, logger('pino'));
    expect(r.code).toContain("logger.error({ err }, 'Graceful shutdown failed');");
    expect(r.code).toContain("logger.info({ signal }, 'Shutting down');");
  });
  it('winston with format.errors: the Error as meta; without: its message and stack spelled out', async () => {
    expect((await run('src/index.js', source, logger('winston', true))).code).toContain("logger.error('Graceful shutdown failed', err);");
    expect((await run('src/index.js', source, logger('winston'))).code).toContain(
      "logger.error('Graceful shutdown failed', { error: { message: err?.message, stack: err?.stack } });",
    );
  });
});

describe('graceful-shutdown: workers and resources of the whole process', () => {
  const entry = { entries: [{ file: at('src/worker.js'), from: 'scripts.start' as const, detail: 'node src/worker.js' }] };
  const worker = "const { Pool } = require('pg');\nconst pool = new Pool();\n\nasync function poll() {\n  await pool.query('select 1');\n}\nsetInterval(poll, 1000);\n";

  it('gives a worker entry without a server a handler that closes its pool', async () => {
    const r = await run('src/worker.js', worker, serviceModel(DIR, {}, entry));
    expect(r.code).toContain('await pool.end();');
    expect(r.code).toContain("process.once('SIGTERM', shutdown);");
    expect(r.code).not.toContain('drain');
    expect(r.again).toBe(r.code);
  });
  it('adds nothing to a worker with nothing to close, or to a module that is not the entry', async () => {
    expect((await run('src/worker.js', 'setInterval(() => {}, 1000);\nconst x = client.connect();\n', serviceModel(DIR, {}, entry))).status).toBe('unchanged');
    expect((await run('src/lib.js', worker, serviceModel(DIR, {}, entry))).status).toBe('unchanged');
  });
  it('treats an entry that imports a module starting a server as no worker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-worker-'));
    try {
      fs.writeFileSync(path.join(dir, 'server.js'), "module.exports = require('express')().listen(3000);\n");
      const source = `require('./server');\n${worker}`;
      const file = path.join(dir, 'worker.js');
      const service = serviceModel(dir, {}, { entries: [{ file, from: 'scripts.start', detail: 'node worker.js' }] });
      const options = resolveOptions(gracefulShutdown, {}, 'test');
      const r = transformFile({ path: file, relPath: 'worker.js', root: dir, source, service, role: 'runtime' }, [gracefulShutdown], { 'graceful-shutdown': options });
      expect(r.status).toBe('unchanged');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('closes a resource another module exports, and names the ones it cannot reach by file and line', async () => {
    const service = serviceModel(DIR, {
      ...listening,
      resources: [
        { kind: 'pg', binding: 'pool', file: at('src/db.js'), line: 2, close: 'pool.end()' },
        { kind: 'amqplib', binding: 'this.channel', file: at('src/queue.js'), line: 7 },
      ],
    });
    const source = "const express = require('express');\nconst { pool } = require('./db');\nconst app = express();\napp.listen(3000);\n";
    const r = await run('src/index.js', source, service);
    expect(r.code).toContain('await pool.end();');
    expect(r.manual.map((m) => m.message)).toEqual([expect.stringContaining('this.channel (amqplib, src/queue.js:7) is not closed')]);
  });
  it("closes mongoose's module-level connection that another module opened", async () => {
    const service = serviceModel(DIR, { ...listening, resources: [{ kind: 'mongoose', file: at('src/app.js'), line: 30, close: 'mongoose.disconnect()' }] });
    const r = await run('src/index.js', SERVER, service);
    expect(r.code).toContain("const mongoose = require('mongoose');");
    expect(r.code).toContain('await mongoose.connection.close();');
    expect(r.manual).toEqual([]);
  });
  it('ends upgraded connections itself when socket.io is created behind a wrapper it cannot name', async () => {
    const service = serviceModel(DIR, { ...listening, resources: [{ kind: 'socket.io', binding: 'this.io', file: at('src/socket-service.js'), line: 9, close: 'this.io.close()' }] });
    const source = "const express = require('express');\nconst SocketService = require('./socket-service');\nconst app = express();\nconst server = app.listen(3000);\nSocketService.getInstance(server);\n";
    const r = await run('src/index.js', source, service);
    expect(r.code).toContain("server.on('upgrade', (_req, socket) => {");
    expect(r.code).toContain('for (const socket of upgradedSockets) socket.destroy();');
    expect(r.manual).toEqual([]);
  });
});
