import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { Options } from '../src/types';
import { correlationId } from '../transforms/correlation-id';

/**
 * correlation-id describes its changes as edits on the original text (README, "Edits, not
 * reprints"): every byte outside an edit is the file's own, and a second run changes nothing.
 */

async function options(given: Record<string, unknown>, file: string, source: string): Promise<Options> {
  const resolved = resolveOptions(correlationId, given, 'test options');
  return correlationId.prepare!({ cwd: '/r', root: '/r', files: [file], options: resolved, read: () => source });
}

async function run(relPath: string, source: string, given: Record<string, unknown> = { import: '@acme/http-kit' }) {
  const abs = `/r/${relPath}`;
  const opts = { 'correlation-id': await options(given, abs, source) };
  const first = transformFile({ path: abs, relPath, root: '/r', source }, [correlationId], opts);
  expect(first.error).toBeUndefined();
  const output = first.output ?? source;
  const second = transformFile({ path: abs, relPath, root: '/r', source: output }, [correlationId], opts);
  expect(second.error).toBeUndefined();
  return { output, again: second.output ?? output, first };
}

describe('correlation-id edits keep the file outside them', () => {
  it('a #! line, multi-line template literals and a file without semicolons stay byte for byte', async () => {
    const source = [
      '#!/usr/bin/env node',
      "'use strict'",
      "const express = require('express')",
      '',
      'const banner = `',
      '  service: orders',
      '    port: ${process.env.PORT}',
      '`',
      'const app = express()',
      ';[1, 2].forEach((n) => console.log(n))',
      '',
      "app.get('/', (req, res) => {",
      '  res.send(`${banner}',
      '      ok`)',
      '})',
      '',
      'module.exports = app',
      '',
    ].join('\n');
    const { output, again } = await run('src/app.js', source);
    // recast glued the `;` of a no-semicolon line onto the line above (`express();[1, 2]`); the new
    // line keeps what followed the creation on its own line, after a `;` so it does not continue it.
    const expected = source
      .replace("const express = require('express')\n", "const express = require('express')\nconst { correlationIdMiddleware } = require('@acme/http-kit')\n")
      .replace('\n;[1, 2]', '\n;\napp.use(correlationIdMiddleware);\n[1, 2]');
    expect(output).toBe(expected);
    expect(again).toBe(output);
  });

  it('a multi-line fastify() options object keeps its lines and gets requestIdHeader on a line of its own', async () => {
    const source = [
      "import Fastify from 'fastify'",
      '',
      'const app = Fastify({',
      '  logger: {',
      "    level: 'info', // from the env later",
      '  },',
      '  trustProxy:   true,',
      '})',
      '',
    ].join('\n');
    const { output, again } = await run('src/server.ts', source, {});
    expect(output).toBe(source.replace('  trustProxy:   true,\n', "  trustProxy:   true,\n  requestIdHeader: 'x-correlation-id',\n"));
    expect(again).toBe(output);
  });

  it('a multi-line axios.create(...) keeps its lines and gets the interceptor below it; a multi-line direct call is reported, untouched', async () => {
    const source = [
      "const express = require('express');",
      "const axios = require('axios');",
      '',
      'const app = express();',
      'const inventory = axios.create({',
      "  baseURL: 'http://inventory:3000',",
      '  timeout: 5',
      '});',
      '',
      "app.get('/', async (req, res) => {",
      "  const { data } = await axios.get('http://prices:3000/all', {",
      '    timeout: 5',
      '  });',
      '  res.json(data);',
      '});',
      '',
    ].join('\n');
    const { output, again, first } = await run('src/app.js', source, { import: './src/middleware/correlation-id', scaffold: true });
    expect(output).toContain("const inventory = axios.create({\n  baseURL: 'http://inventory:3000',\n  timeout: 5\n});\n\ninventory.interceptors.request.use((config) => {\n");
    expect(output).toContain("  const { data } = await axios.get('http://prices:3000/all', {\n    timeout: 5\n  });\n");
    expect(first.manual.map((m) => m.line)).toEqual([11]);
    expect(again).toBe(output);
  });

  it('a multi-line createProxyMiddleware({...}) keeps its lines and a one-line hook stays on one line', async () => {
    const source = [
      "const express = require('express');",
      "const { createProxyMiddleware } = require('http-proxy-middleware');",
      '',
      'const app = express();',
      "app.use('/orders', createProxyMiddleware({",
      "  target: 'http://orders:3000',",
      '  changeOrigin: true, // keep the host',
      '}));',
      "app.use('/users', createProxyMiddleware({ target: 'http://users:3000', on: { proxyReq: (proxyReq) => { proxyReq.setHeader('x-a', '1'); } } }));",
      '',
    ].join('\n');
    const { output, again } = await run('src/gateway.js', source);
    const line = "if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);";
    expect(output).toContain(`  changeOrigin: true, // keep the host\n  on: {\n    proxyReq: (proxyReq, req) => {\n      ${line}\n    }\n  },\n}));\n`);
    expect(output).toContain(`on: { proxyReq: (proxyReq, req) => { ${line} proxyReq.setHeader('x-a', '1'); } } }));\n`);
    expect(again).toBe(output);
  });
});

describe('correlation-id: a second run changes nothing, for each framework', () => {
  const cases: [string, string, string, Record<string, unknown>][] = [
    ['Express (CommonJS)', 'src/app.js', "const express = require('express');\nconst app = express();\napp.listen(3000);\n", { import: '@acme/http-kit' }],
    ['Express (ESM TypeScript)', 'src/app.ts', "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\n", { import: '@acme/http-kit' }],
    ['Express class field', 'src/server.ts', "import express from 'express';\n\nexport class Server {\n  app = express();\n  constructor() {\n    this.app.use(express.json());\n  }\n}\n", { import: '@acme/http-kit' }],
    ['Koa', 'src/app.js', "const Koa = require('koa');\nconst app = new Koa();\napp.listen(3000);\n", { import: '@acme/http-kit', koaName: 'koaCorrelationId' }],
    ['hapi', 'src/server.ts', "import Hapi from '@hapi/hapi';\n\nasync function start() {\n  const server = Hapi.server({ port: 3000 });\n  await server.start();\n}\nstart();\n", { import: '@acme/http-kit', hapiPlugin: 'hapiCorrelationId' }],
    ['Nest', 'src/main.ts', "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n", { import: '@acme/http-kit' }],
    ['Fastify', 'src/server.js', "const fastify = require('fastify')();\nfastify.listen({ port: 3000 });\n", {}],
    ['express-http-proxy gateway', 'src/gateway.js', "const express = require('express');\nconst proxy = require('express-http-proxy');\nconst app = express();\napp.use('/a', proxy('http://a:3000'));\n", { import: '@acme/http-kit' }],
  ];
  for (const [name, file, source, given] of cases) {
    it(name, async () => {
      const { output, again, first } = await run(file, source, given);
      expect(first.changes['correlation-id']).toBeGreaterThan(0);
      expect(output).not.toBe(source);
      expect(again).toBe(output);
    });
  }
});
