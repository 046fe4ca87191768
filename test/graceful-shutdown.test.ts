import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { UsageError, type Options } from '../src/types';
import { gracefulShutdown } from '../transforms/graceful-shutdown';

const ROOT = '/virtual/repo';

function run(relPath: string, source: string, given: Options = {}) {
  const options = resolveOptions(gracefulShutdown, given, 'test');
  const result = transformFile({ path: path.posix.join(ROOT, relPath), relPath, root: ROOT, source }, [gracefulShutdown], {
    'graceful-shutdown': options,
  });
  expect(result.error).toBeUndefined();
  return { ...result, code: result.output ?? source, count: result.changes['graceful-shutdown'] ?? 0 };
}

describe('graceful-shutdown options', () => {
  const check = (given: Options) => () => resolveOptions(gracefulShutdown, given, 'cfg');
  it('has the documented defaults', () => {
    expect(check({})()).toEqual({ drainDelayMs: 5000, signals: ['SIGTERM', 'SIGINT'] });
  });
  it('rejects a timeout that is not a positive whole number', () => {
    expect(check({ timeoutMs: 0 })).toThrow(UsageError);
    expect(check({ timeoutMs: 1.5 })).toThrow(/positive whole number/);
  });
  it('rejects signals that cannot be handled or leave out SIGTERM', () => {
    expect(check({ signals: ['SIGTERM', 'SIGKILL'] })).toThrow(/'SIGKILL' cannot be handled/);
    expect(check({ signals: ['SIGINT'] })).toThrow(/must include 'SIGTERM'/);
    expect(check({ signals: [] })).toThrow(/at least one/);
  });
  it('checks the helper shape', () => {
    expect(check({ helper: { name: 'x' } })).toThrow(/"import"/);
    expect(check({ helper: { import: '@acme/kit', name: 'not a name' } })).toThrow(/identifier/);
    expect(check({ helper: { import: '@acme/kit', fn: 'x' } })).toThrow(/unknown key 'fn'/);
    expect(check({ helper: ['@acme/kit'] })).toThrow(/an object/);
    expect(check({ helper: { import: '@acme/kit' } })()).toMatchObject({ helper: { import: '@acme/kit' } });
  });
});

describe('graceful-shutdown scope', () => {
  it('does not parse files without a listen call or a SIGINT handler', () => {
    expect(gracefulShutdown.ast!.prefilter("const app = require('express')();\nmodule.exports = app;\n", {})).toBe(false);
    expect(gracefulShutdown.ast!.prefilter('app.listen(3000);', {})).toBe(true);
    expect(gracefulShutdown.ast!.prefilter("process.on('SIGINT', stop);", {})).toBe(true);
  });
  it('never touches tests or the helper module itself', () => {
    const exclude = gracefulShutdown.ast!.exclude!;
    expect(exclude('src/server.test.ts', '/r/src/server.test.ts', {}, '/r')).toBe('test file');
    expect(exclude('test/e2e/app.js', '/r/test/e2e/app.js', {}, '/r')).toBe('test file');
    expect(exclude('src/__tests__/app.ts', '/r/src/__tests__/app.ts', {}, '/r')).toBe('test file');
    expect(exclude('src/lib/shutdown.ts', '/r/src/lib/shutdown.ts', { helper: { import: './src/lib/shutdown' } }, '/r')).toBe('the shutdown helper itself');
    expect(exclude('src/server.ts', '/r/src/server.ts', {}, '/r')).toBeNull();
  });
});

describe('graceful-shutdown counts and reports', () => {
  it('counts one change per server given a handler, per Nest app and per SIGTERM completion', () => {
    const two = run('src/a.js', "const express = require('express');\nconst app = express();\nconst admin = express();\napp.listen(1);\nadmin.listen(2);\n");
    expect(two.count).toBe(2);
    expect(two.code.match(/process\.once\('SIGTERM'/g)).toHaveLength(1);
    const nest = run('src/main.ts', "import { NestFactory } from '@nestjs/core';\nasync function b() {\n  const app = await NestFactory.create(M);\n  await app.listen(3000);\n}\n");
    expect(nest.count).toBe(1);
    expect(nest.code).toContain('  app.enableShutdownHooks();\n  await app.listen(3000);');
    const sigint = run('src/w.js', "async function stop() {}\nprocess.once('SIGINT', stop);\n");
    expect(sigint.code).toBe("async function stop() {}\nprocess.once('SIGINT', stop);\nprocess.once('SIGTERM', stop);\n");
    expect(sigint.count).toBe(1);
  });

  it('reports listen calls it cannot put a handler next to', () => {
    const returned = run('src/a.js', "const express = require('express');\nconst app = express();\nfunction start() {\n  return app.listen(3000);\n}\n");
    expect(returned.status).toBe('unchanged');
    expect(returned.manual).toEqual([{ transform: 'graceful-shutdown', line: 4, message: expect.stringContaining('app.listen(...) is returned') }]);
    const unbraced = run('src/b.js', "const express = require('express');\nconst app = express();\nif (require.main === module) app.listen(3000);\n");
    expect(unbraced.manual[0]).toMatchObject({ line: 3, message: expect.stringContaining('not in a block') });
    const inClass = run(
      'src/c.ts',
      "import express from 'express';\nexport class Api {\n  private app = express();\n  private server: any;\n  start() {\n    this.server = this.app.listen(3000);\n  }\n}\n",
    );
    expect(inClass.status).toBe('unchanged');
    expect(inClass.manual[0]).toMatchObject({ line: 6, message: expect.stringContaining('runs in a class') });
  });

  it('leaves files that use a shutdown library alone', () => {
    for (const lib of ['stoppable', 'http-terminator', 'close-with-grace', 'lightship', 'http-graceful-shutdown']) {
      const r = run('src/a.js', `const express = require('express');\nconst x = require('${lib}');\nconst app = express();\napp.listen(3000);\n`);
      expect(r.status, lib).toBe('unchanged');
    }
  });

  it('logs through a logger import even for Fastify, and through app.log only when there is none', () => {
    const withLogger = run('src/a.ts', "import Fastify from 'fastify';\nimport { logger } from './logger';\nconst app = Fastify();\nawait app.listen({ port: 3000 });\n");
    expect(withLogger.code).toContain("logger.info({ signal }, 'Shutting down');");
    expect(withLogger.code).toContain('await app.close();');
    const own = run('src/b.js', "const fastify = require('fastify');\nconst server = fastify({ logger: true });\nserver.listen({ port: 3000 });\n");
    expect(own.code).toContain("server.log.info({ signal }, 'Shutting down');");
    expect(own.code).not.toContain('server.closeIdleConnections');
  });

  it('takes the logger from console-to-logger when it ran before on the same file', () => {
    const probe = {
      ...gracefulShutdown,
      name: 'probe',
      options: {},
      ast: { prefilter: () => true, apply: (_root: any, ctx: any) => void Object.assign(ctx.facts, { logger: 'log2', loggerStyle: 'pino' }) },
    };
    const options = resolveOptions(gracefulShutdown, {}, 'test');
    const r = transformFile(
      { path: '/r/src/a.js', relPath: 'src/a.js', root: '/r', source: "const app = require('express')();\napp.listen(3000);\n" },
      [probe, gracefulShutdown],
      { 'graceful-shutdown': options },
    );
    expect(r.output).toContain("log2.error('Graceful shutdown timed out, forcing exit');");
    expect(r.output).toContain("log2.info({ signal }, 'Shutting down');");
  });

  it('does not guess at listen calls of other things', () => {
    const r = run('src/a.js', "const net = require('./peer');\nconst peer = new Peer();\npeer.listen(1);\nemitter.listen();\n");
    expect(r.status).toBe('unchanged');
  });
});

/** Typechecks a generated TypeScript file against the real @types/node and @types/express. */
function typeErrors(code: string): string[] {
  const file = path.join(__dirname, '__graceful_shutdown_typecheck__.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, types: ['node'] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? code : read(f));
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === file ? ts.createSourceFile(f, code, lang) : getSource(f, lang, ...rest));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('generated TypeScript', () => {
  it('typechecks in strict mode, top level and inside an async main', () => {
    const top = run(
      'src/server.ts',
      "import express from 'express';\n\nconst app = express();\napp.get('/', (_req, res) => res.send('ok'));\n\napp.listen(3000, () => {\n  console.log('up');\n});\n",
    );
    expect(top.code).toContain('async function shutdown(signal: NodeJS.Signals): Promise<void> {');
    expect(typeErrors(top.code)).toEqual([]);
    const nested = run(
      'src/main.ts',
      "import express from 'express';\nimport http from 'node:http';\n\nasync function main(): Promise<void> {\n  const app = express();\n  const server = http.createServer(app);\n  server.listen(3000);\n}\n\nvoid main();\n",
    );
    expect(nested.code).toContain('    await new Promise<void>((resolve, reject) => {');
    expect(typeErrors(nested.code)).toEqual([]);
  });
});

describe('graceful-shutdown exports', () => {
  it('reports a server assigned to module.exports instead of closing module.exports', () => {
    const r = run('src/a.js', "const express = require('express');\nconst app = express();\nmodule.exports = app.listen(3000);\n");
    expect(r.status).toBe('unchanged');
    expect(r.manual[0]).toMatchObject({ line: 3, message: expect.stringContaining('app.listen(...) is exported') });
  });
});

describe('graceful-shutdown guesses', () => {
  it('reports an awaited listen on an app it cannot identify (Fastify resolves to an address, not a server)', () => {
    const r = run('src/a.js', "const buildServer = require('./server');\nasync function start() {\n  const app = await buildServer();\n  await app.listen({ port: 3000 });\n}\nstart();\n");
    expect(r.status).toBe('unchanged');
    expect(r.manual[0]).toMatchObject({ line: 4, message: expect.stringContaining('is awaited') });
  });
  it('takes a Fastify instance handed in as a parameter from the import', () => {
    const r = run('src/start.ts', "import { FastifyInstance } from 'fastify';\nexport const start = async (server: FastifyInstance) => {\n  await server.listen({ port: 3000 });\n};\n");
    expect(r.code).toContain('    await server.close();');
  });
});

describe('graceful-shutdown apps from other modules', () => {
  it('takes an imported app of any name when it listens on a port', () => {
    const r = run('src/main.ts', "import { web } from './app/web';\nimport { PORT } from './config';\n\nweb.listen(PORT, () => {\n  console.log('up');\n});\n");
    expect(r.code).toContain('const server = web.listen(PORT, () => {');
    const bus = run('src/bus.ts', "import { bus } from './bus';\n\nbus.listen('orders', handle);\n");
    expect(bus.status).toBe('unchanged');
  });
});

describe('graceful-shutdown logger choice', () => {
  const handler = (src: string, file = 'src/a.js') => run(file, src).code;
  it('ignores middleware and factories that happen to be bound as logger', () => {
    expect(handler("const Koa = require('koa');\nconst logger = require('koa-logger');\nconst app = new Koa();\napp.use(logger());\napp.listen(3000);\n")).toContain(
      'console.info(`${signal} received, shutting down`);',
    );
    expect(handler("import express from 'express';\nimport logger from 'morgan';\nconst app = express();\napp.listen(3000);\n", 'src/a.mjs')).toContain('console.error(');
  });
  it('uses the project logger, a named logger export of a package, or a logger the file creates', () => {
    expect(handler("const express = require('express');\nconst log = require('./log');\nconst app = express();\napp.listen(3000);\n")).toContain("log.info('Shutting down', { signal });");
    expect(handler("import express from 'express';\nimport { logger } from '@acme/shared';\nconst app = express();\napp.listen(3000);\n", 'src/a.mjs')).toContain('logger.error(');
    expect(handler("const express = require('express');\nconst logger = require('pino')();\nconst app = express();\napp.listen(3000);\n")).toContain("logger.info({ signal }, 'Shutting down');");
  });
});

describe('graceful-shutdown older server shapes', () => {
  it("closes require('http').Server(app)", () => {
    const r = run('src/a.js', "const express = require('express');\nconst app = express();\nconst http = require('http').Server(app);\nhttp.listen(8080);\n");
    expect(r.code).toContain('http.close((err) => {');
  });
});

describe('graceful-shutdown servers in several scopes', () => {
  it('gives the first scope the handler and reports servers started elsewhere', () => {
    const r = run(
      'src/a.js',
      "const express = require('express');\nconst app = express();\nconst admin = express();\nfunction startAdmin() {\n  admin.listen(9000);\n}\napp.listen(3000);\nstartAdmin();\n",
    );
    expect(r.code.match(/async function shutdown/g)).toHaveLength(1);
    expect(r.code).toContain('  admin.listen(9000);\n');
    expect(r.manual).toEqual([{ transform: 'graceful-shutdown', line: 5, message: expect.stringContaining('another scope than the one given a shutdown handler (line 7)') }]);
  });
});

describe('graceful-shutdown resources', () => {
  it('closes each kind with its own call, in stage order, and only what it can see', () => {
    const r = run(
      'src/a.js',
      [
        "const express = require('express');",
        "const http = require('http');",
        "const mongoose = require('mongoose');",
        "const { QueueEvents } = require('bullmq');",
        "const { createClient } = require('redis');",
        'const app = express();',
        'const server = http.createServer(app);',
        "const io = require('socket.io')(server);",
        "const cache = createClient();",
        "const audit = mongoose.createConnection(process.env.AUDIT_URL);",
        "const events = new QueueEvents('mail');",
        'function later() {',
        "  const hidden = createClient();",
        '}',
        'server.listen(3000);',
        '',
      ].join('\n'),
    );
    const closing = r.code.split('\n').filter((l) => /^\s+(await|void) \w+\./.test(l)).map((l) => l.trim());
    // Stores close in the order the file opens them.
    expect(closing).toEqual(['void io.close();', 'await events.close();', 'await cache.quit();', 'await audit.close();']);
    expect(r.manual).toEqual([{ transform: 'graceful-shutdown', line: 13, message: expect.stringContaining('hidden (Redis client) is not visible') }]);
  });
});

describe('graceful-shutdown helper', () => {
  it('recognises the helper under an alias and adds nothing twice', () => {
    const src = "const express = require('express');\nconst { registerGracefulShutdown: onShutdown } = require('@acme/kit');\nconst app = express();\nconst server = app.listen(3000);\nonShutdown(server);\n";
    expect(run('src/a.js', src, { helper: { import: '@acme/kit' } }).status).toBe('unchanged');
  });
  it('passes a Fastify app to the helper', () => {
    const r = run('src/a.mjs', "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: 3000 });\n", { helper: { import: '@acme/kit', name: 'onShutdown' } });
    expect(r.code).toBe(
      "import Fastify from 'fastify';\nimport { onShutdown } from '@acme/kit';\nconst app = Fastify();\nawait app.listen({ port: 3000 });\nonShutdown(app, { timeoutMs: 20000, signals: ['SIGTERM', 'SIGINT'] });\n",
    );
  });
  it('gives the helper import another name than the server variable it just introduced', () => {
    // Both names are new edits on a tree that shows neither: the import must not take `server` too.
    const r = run('src/a.mjs', "import express from 'express';\nconst app = express();\napp.listen(3000);\n", { helper: { import: '@acme/kit', name: 'server' } });
    expect(r.code).toBe(
      "import express from 'express';\nimport { server as server2 } from '@acme/kit';\nconst app = express();\nconst server = app.listen(3000);\nserver2(server, { timeoutMs: 20000, signals: ['SIGTERM', 'SIGINT'] });\n",
    );
  });
});

describe('graceful-shutdown several servers in TypeScript', () => {
  it('drains them together and typechecks', () => {
    const r = run(
      'src/servers.ts',
      "import express from 'express';\n\nconst app = express();\nconst metrics = express();\napp.listen(3000);\nmetrics.listen(9100);\n",
    );
    expect(r.code).toContain('[server, server2].map(');
    expect(typeErrors(r.code)).toEqual([]);
  });
});

describe('graceful-shutdown servers from other modules', () => {
  it('keeps the listen result of an imported `server`, which may be an app', () => {
    const r = run('src/index.js', "const server = require('./app');\n\nserver.listen(process.env.PORT);\n");
    expect(r.code).toContain('const server2 = server.listen(process.env.PORT);');
    expect(r.code).toContain('server2.close((err) => {');
  });
});

describe('graceful-shutdown writes edits, not a reprint', () => {
  it('keeps every byte of the original text around what it adds', () => {
    // recast reprinted the enclosing function's head (`main ()` → `main()`) and gave the listen line a `;`
    // behind its comment, which the no-semicolon restoration could not see.
    const source = [
      "const express = require('express')",
      'const app = express()',
      '',
      'async function main () {',
      '  const banner = `',
      '    orders',
      '      ready`',
      '  app.listen(3000, () => console.log(banner)) // start serving',
      '}',
      '',
      'main()',
      '',
    ].join('\n');
    const r = run('src/server.js', source);
    expect(r.count).toBe(1);
    expect(r.code).toContain('async function main () {\n  const banner = `\n    orders\n      ready`\n  const server = app.listen(3000, () => console.log(banner)) // start serving\n\n  // Orchestrators');
    // Without what was added, the text is the original.
    const added = r.code.replace('const server = ', '').replace(/\nlet shutdownRegistered = false\n/, '').replace(/\n\n {2}\/\/ Orchestrators[\s\S]*?\n {2}}\n(?=})/, '\n');
    expect(added).toBe(source);
  });
});
