import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { read, tempTree } from './helpers/cli';

// Seen on simple-node-microservices: utils/ belongs to the root service but three Dockerfiles copy
// it; the logger import added to a utils file resolved to a root module no image copies.
describe('a shared file that other images ship', () => {
  const tree = (loggerAt = 'logger.js') =>
    tempTree({
      // The root is a service of its own (main, dependencies): utils/ is its folder, not api's.
      'package.json': JSON.stringify({ name: 'fleet', main: 'index.js', dependencies: { express: '^4.21.2' } }),
      'index.js': "require('./utils/client').connect();\n",
      'api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } }),
      'api/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY api/ ./api/\nCOPY utils/ ./utils/\nCMD ["node", "api/index.js"]\n',
      'api/index.js': "const client = require('../utils/client');\nclient.connect();\n",
      [loggerAt]: "module.exports = { info: (...a) => console.log(...a), error: (...a) => console.error(...a), warn: (...a) => console.warn(...a), debug: () => {} };\n",
      'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-logger': { import: `./${loggerAt}`, name: 'logger', kind: 'default' } } }),
      'utils/client.js': "function connect() {\n  console.log('connected');\n}\n\nmodule.exports = { connect };\n",
    });

  it('is not given an import of a module that image does not contain: withheld, naming the image', async () => {
    const dir = tree();
    const before = read(dir, 'utils/client.js');
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const entry = report.files.find((f) => f.path === 'utils/client.js')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/the image of api does not contain/);
    expect(read(dir, 'utils/client.js')).toBe(before);
    expect(exitCode).toBe(2);
  });

  it('does not fail --check after --write when the withheld change is all that is left: exit 0, the file still listed', async () => {
    const dir = tree();
    await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const check = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'check', jobs: 1, format: false });
    expect(check.report.files.find((f) => f.path === 'utils/client.js')!.withheld).toBe(true);
    expect(check.exitCode).toBe(0);
    // A dry run or --write still says the run could not do all it planned.
    expect((await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'dry', jobs: 1, format: false })).exitCode).toBe(2);
  });

  it('gets the import when the module is inside every image that ships the file (control)', async () => {
    const dir = tree('utils/logger.js');
    const { report } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    expect(report.files.find((f) => f.path === 'utils/client.js')!.status).toBe('changed');
    expect(read(dir, 'utils/client.js')).toMatch(/require\('\.\/logger(\.js)?'\)/);
  });
});
