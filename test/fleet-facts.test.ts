import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { tempTree } from './helpers/cli';

function serviceOf(files: Record<string, string>, name = '(root)') {
  const dir = tempTree({ 'package.json': JSON.stringify({ name: 'svc', main: 'src/index.js', dependencies: { express: '4' } }), ...files });
  const all = fg.sync('**/*.{js,ts}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const fleet = buildFleet(loadConfig(dir), { files: all });
  const s = fleet.services.find((x) => x.name === name)!;
  return { s, rel: (p: string) => path.relative(dir, p) };
}

describe('fleet model: facts from the runtime graph', () => {
  it('apps, where they listen, the logger, signal handlers, resources, outgoing calls, health routes', () => {
    const { s, rel } = serviceOf({
      'src/index.js': [
        "const express = require('express');",
        "const { Pool } = require('pg');",
        "const axios = require('axios');",
        "const logger = require('./logger');",
        "require('./shutdown');",
        'const app = express();',
        'const pool = new Pool();',
        "const api = axios.create({ baseURL: 'http://billing' });",
        "app.get('/healthz', (req, res) => res.send('ok'));",
        'const server = app.listen(3000);',
        'module.exports = { server, pool };',
        '',
      ].join('\n'),
      'src/logger.js': "const winston = require('winston');\nconst { format } = winston;\nmodule.exports = winston.createLogger({ defaultMeta: { service: 'svc' }, format: format.combine(format.timestamp(), format.printf(({ level, message }) => `${level} ${message}`)) });\n",
      'src/shutdown.js': "const { server } = require('./index');\nprocess.on('SIGTERM', () => {\n  server.close();\n  process.exit(0);\n});\n",
      'src/unused.js': "process.on('SIGINT', () => {});\n",
    });
    expect(s.facts.apps.map((a) => [a.framework, a.binding, rel(a.file), a.line, a.listens?.line])).toEqual([['express', 'app', 'src/index.js', 6, 10]]);
    expect(s.facts.logger).toMatchObject({ exportName: 'module.exports', library: 'winston', serviceName: 'svc', winston: { json: false, errors: false, printfIgnoresMeta: { line: 3 } } });
    expect(rel(s.facts.logger!.module)).toBe('src/logger.js');
    expect(s.facts.signals).toEqual([expect.objectContaining({ signal: 'SIGTERM', closesServer: true, exits: true, exitsBeforeClose: false, closes: ['server.close()'] })]);
    expect(s.facts.resources).toEqual([expect.objectContaining({ kind: 'pg', binding: 'pool', close: 'pool.end()', line: 7 })]);
    expect(s.facts.outgoing).toEqual([expect.objectContaining({ client: 'axios', shape: 'instance', binding: 'api' })]);
    expect(s.facts.routes).toEqual([expect.objectContaining({ method: 'GET', path: '/healthz', line: 9 })]);
  });

  it('never takes a helper for the logger because of its name; a project logger is an object with level methods', () => {
    const helper = serviceOf({ 'src/index.js': "const { log } = require('./util');\nlog([], 'x');\n", 'src/util.js': 'const log = (buffer, line) => { console.log(line); buffer.push(line); };\nmodule.exports = { log };\n' });
    expect(helper.s.facts.logger).toBeUndefined();
    const own = serviceOf({ 'src/index.js': "const logger = require('./logger');\n", 'src/logger.js': 'module.exports.info = (message) => console.log(message);\nmodule.exports.error = (message, err) => console.error(message, err);\n' });
    expect(own.s.facts.logger).toMatchObject({ library: 'custom', exportName: 'module.exports', methods: { info: 1, error: 2 } });
  });

  it('correlation mechanisms, resources through this.x, signal handlers registered in a function, stdout as a protocol', () => {
    const { s } = serviceOf({
      'src/index.js': [
        "import express from 'express';",
        "import requestId from 'express-request-id';",
        "import { Server } from 'socket.io';",
        "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
        'const app = express();',
        'app.use(requestId());',
        'class Sockets { constructor(server) { this.io = new Server(server); } }',
        "export function start() { process.once('SIGINT', () => { app.close(() => {}); process.exit(1); }); }",
        '',
      ].join('\n'),
    });
    expect(s.facts.correlation).toEqual([expect.objectContaining({ mechanism: 'express-request-id', requestProperty: 'id', header: 'x-request-id' })]);
    expect(s.facts.resources).toEqual([expect.objectContaining({ kind: 'socket.io', binding: 'this.io', close: 'this.io.close()' })]);
    expect(s.facts.signals).toEqual([expect.objectContaining({ signal: 'SIGINT', inFunction: 'start', closesServer: true, exitsBeforeClose: true })]);
    expect(s.facts.stdoutIsProtocol?.line).toBe(4);
  });
  it('a kafkajs client is its producers and consumers, not the Kafka instance, which has no disconnect()', () => {
    const { s } = serviceOf({
      'src/index.js': [
        "const { Kafka } = require('kafkajs');",
        "const kafka = new Kafka({ brokers: ['kafka:9092'] });",
        'const producer = kafka.producer();',
        "const consumer = kafka.consumer({ groupId: 'g' });",
        'module.exports = { producer, consumer };',
        '',
      ].join('\n'),
    });
    expect(s.facts.resources.map((r) => [r.kind, r.binding, r.close])).toEqual([
      ['kafkajs', 'producer', 'producer.disconnect()'],
      ['kafkajs', 'consumer', 'consumer.disconnect()'],
    ]);
  });
});

describe('fleet model: a server made from an app is that app (one app, its listen site through the server)', () => {
  it('http.createServer(app) in the same file: one express app that listens where the server does', () => {
    const { s, rel } = serviceOf({
      'src/index.js': "const http = require('http');\nconst express = require('express');\nconst app = express();\nconst server = http.createServer(app);\nserver.listen(3000);\n",
    });
    expect(s.facts.apps.map((a) => [a.framework, a.binding, rel(a.file), a.line, a.listens?.line])).toEqual([['express', 'app', 'src/index.js', 3, 5]]);
  });

  it('the app imported from another file, and a Koa app through app.callback()', () => {
    const express = serviceOf({
      'src/app.js': "const express = require('express');\nconst app = express();\nmodule.exports = { app };\n",
      'src/index.js': "const { createServer } = require('node:http');\nconst { app } = require('./app');\nconst server = createServer(app);\nserver.listen(8080);\n",
    });
    expect(express.s.facts.apps.map((a) => [a.framework, express.rel(a.file), a.listens && [express.rel(a.listens.file), a.listens.line]])).toEqual([['express', 'src/app.js', ['src/index.js', 4]]]);
    const koa = serviceOf({
      'src/index.js': "const http = require('http');\nconst Koa = require('koa');\nconst app = new Koa();\nhttp.createServer(app.callback()).listen(3000);\n",
    });
    expect(koa.s.facts.apps.map((a) => [a.framework, a.listens?.line])).toEqual([['koa', 4]]);
  });

  it('a plain http server with a request handler stays an http app', () => {
    const { s } = serviceOf({ 'src/index.js': "const http = require('http');\nconst server = http.createServer((req, res) => res.end('ok'));\nserver.listen(3000);\n" });
    expect(s.facts.apps.map((a) => [a.framework, a.binding, a.listens?.line])).toEqual([['http', 'server', 3]]);
  });
});

describe('fleet model: an app listening in another file than it is made in', () => {
  it('app.listen() on an app imported from ./app is that express app listening (ticketing: "express (no listen), http")', () => {
    const { s, rel } = serviceOf({
      'src/app.ts': "import express from 'express';\nconst app = express();\nexport { app };\n",
      'src/index.js': "const { app } = require('./app');\nconst start = async () => {\n  app.listen(3000);\n};\nstart();\n",
    });
    expect(s.facts.apps.map((a) => [a.framework, rel(a.file), a.listens && [rel(a.listens.file), a.listens.line]])).toEqual([['express', 'src/app.ts', ['src/index.js', 3]]]);
  });
});
