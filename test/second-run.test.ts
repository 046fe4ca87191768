import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { read, tempTree } from './helpers/cli';

// A second run over a migrated service must find nothing to do (seen: graceful-shutdown crashed on
// its own `process.once('SIGINT', shutdown)`, a handler passed by name, in four real services).
describe('a second run over what the first wrote', () => {
  it('graceful-shutdown in a service run as a whole: the second run changes nothing and reports no error', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'gateway', scripts: { start: 'node index.js' }, dependencies: { express: '^4.21.2' } }),
      'index.js': "const express = require('express');\n\nconst app = express();\nconst PORT = 3000;\n\napp.listen(PORT, () => {\n\tconsole.log('API Gateway running on port ' + PORT);\n});\n",
    });
    const run = () => execute({ cwd: dir, transforms: ['graceful-shutdown'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const first = await run();
    expect(first.report.files.find((f) => f.path === 'index.js')!.status).toBe('changed');
    const written = read(dir, 'index.js');
    expect(written).toContain("process.once('SIGINT', shutdown);");
    const second = await run();
    // A file with nothing to report is not listed.
    const entry = second.report.files.find((f) => f.path === 'index.js');
    expect(entry?.error).toBeUndefined();
    expect(entry?.status ?? 'unchanged').toBe('unchanged');
    expect(second.report.summary).toMatchObject({ changed: 0, errors: 0, manual: 0 });
    expect(read(dir, 'index.js')).toBe(written);
    expect(second.exitCode).toBe(0);
  });

  // Seen on node-microservices-ddd: the app is named `server`, so the listening server became
  // `server2`, and the second run read its own handler as one that does not close the server and
  // wrapped it in a second shutdown (a second SIGINT handler).
  it('graceful-shutdown where the app is called server: its own handler, closing server2, is recognised', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'atlas', main: 'src/server.ts', dependencies: { express: '^4.21.2' } }),
      'src/server.ts': "import express from 'express';\n\nconst server = express();\n\nserver.listen(3333, () => {\n  console.log('Atlas running!');\n});\n",
    });
    const run = () => execute({ cwd: dir, transforms: ['graceful-shutdown'], mode: 'write', jobs: 1, format: false, allowDirty: true, verify: false });
    await run();
    const written = read(dir, 'src/server.ts');
    expect(written).toContain('server2.close(');
    const second = await run();
    expect(second.report.files.find((f) => f.path === 'src/server.ts')!.status).toBe('unchanged');
    expect(read(dir, 'src/server.ts')).toBe(written);
  });

  // Seen by the entries engineer on a fixture: a service with no console call and no logger got a
  // shutdown handler logging through console, and the second run then made a logger for those lines
  // and rewrote them; and it reported shipshape's own handler as incomplete (its forced exit in the
  // timer, its close inside an awaited promise).
  it('the core transforms on a service with no console call and no logger: the second run creates nothing, changes nothing and reports no incomplete handler', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'quiet', main: 'server.js', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
      'server.js': "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    });
    const run = () => execute({ cwd: dir, transforms: ['core'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const first = await run();
    expect(first.report.files.find((f) => f.path === 'server.js')!.status).toBe('changed');
    const written = read(dir, 'server.js');
    expect(written).toContain('console.info(`${signal} received, shutting down`);');
    const second = await run();
    expect(second.report.summary.changed).toBe(0);
    expect(second.report.files.filter((f) => f.created)).toEqual([]);
    expect(read(dir, 'server.js')).toBe(written);
    const items = second.report.files.flatMap((f) => f.manual.map((m) => m.message));
    expect(items.filter((m) => /incomplete/.test(m))).toEqual([]);
  });

  it('the same in a file without semicolons: the handler is written in its style and still recognised', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'quiet', main: 'server.js', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
      'server.js': "const express = require('express')\nconst app = express()\napp.get('/healthz', (req, res) => res.send('ok'))\napp.listen(3000)\n",
    });
    const run = () => execute({ cwd: dir, transforms: ['core'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    await run();
    const written = read(dir, 'server.js');
    expect(written).toContain("console.error('Graceful shutdown failed', err)\n");
    const second = await run();
    expect(second.report.summary.changed).toBe(0);
    expect(second.report.files.filter((f) => f.created)).toEqual([]);
    expect(read(dir, 'server.js')).toBe(written);
  });

  it('a handler that exits before its close callback is still reported (control)', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'hasty', main: 'server.js', dependencies: { express: '^4.21.2' } }),
      'server.js': "const express = require('express');\nconst app = express();\nconst server = app.listen(3000);\nprocess.on('SIGTERM', () => {\n  setTimeout(() => process.exit(1), 10000).unref();\n  server.close(() => {});\n  process.exit(0);\n});\n",
    });
    const { report } = await execute({ cwd: dir, transforms: ['graceful-shutdown'], mode: 'dry', jobs: 1, format: false, verify: false });
    const items = report.files.flatMap((f) => f.manual.map((m) => m.message));
    expect(items.some((m) => /incomplete: it calls process\.exit before the server's close callback/.test(m))).toBe(true);
  });
});
