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
    const entry = second.report.files.find((f) => f.path === 'index.js')!;
    expect(entry.error).toBeUndefined();
    expect(entry.status).toBe('unchanged');
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
});
