import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { loadTypeScript } from '../src/verify/typescript';
import { tempTree } from './helpers/cli';

// Seen on node-express-boilerplate: a lint plugin's dependency hoisted typescript@7 (the native
// compiler's package, no compiler API) into the service's node_modules; the run ended with
// "internal error: Cannot read properties of undefined (reading 'CommonJS')".
describe('a service whose installed typescript has no compiler API', () => {
  const service = () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node dist/index.js' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', types: [], skipLibCheck: true, rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      'src/index.ts': "const port: number = 3000;\nconsole.log('listening on', port);\n",
      'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'index.js' }),
      'node_modules/typescript/index.js': "module.exports = { version: '7.0.2' };\n",
    });
    return dir;
  };

  it('is checked with shipshape’s own compiler', () => {
    const loaded = loadTypeScript(service());
    expect(loaded.from).toBe('shipshape');
    expect(typeof loaded.ts.createProgram).toBe('function');
    expect(loaded.ts.ModuleKind.CommonJS).toBeDefined();
  });

  it('a run over it finishes and reports the check (no internal error)', async () => {
    const dir = service();
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'dry', jobs: 1, format: false, allowDirty: true });
    expect(exitCode).toBeLessThan(3);
    const types = report.services![0].verification!.types;
    expect(types.typescript).toMatch(/shipshape's/);
    expect(fs.existsSync(path.join(dir, 'src/index.ts'))).toBe(true);
  });
});

describe('a service whose verification fails inside shipshape', () => {
  it('is withheld with a message, and the other services are written', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'fleet', private: true, workspaces: ['services/*'] }),
      'services/api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node dist/index.js' } }),
      'services/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      'services/api/src/index.ts': "console.log('api up');\n",
      // A compiler that has the API's shape but throws when asked for the tsconfig.
      'services/api/node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '5.0.0', main: 'index.js' }),
      'services/api/node_modules/typescript/index.js':
        "module.exports = { version: '5.0.0', ModuleKind: { CommonJS: 1 }, ScriptTarget: { ES2020: 7 }, createProgram() {}, sys: {}, getParsedCommandLineOfConfigFile() { throw new Error('boom in the compiler'); } };\n",
      'services/web/package.json': JSON.stringify({ name: 'web', scripts: { start: 'node index.js' } }),
      'services/web/index.js': "console.log('web up');\n",
    });
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const api = report.files.find((f) => f.path === 'services/api/src/index.ts')!;
    expect(api.withheld).toBe(true);
    expect(api.error).toMatch(/verification of this service failed inside shipshape \(boom in the compiler\)/);
    expect(fs.readFileSync(path.join(dir, 'services/api/src/index.ts'), 'utf8')).toBe("console.log('api up');\n");
    expect(report.files.find((f) => f.path === 'services/web/index.js')!.status).toBe('changed');
    expect(exitCode).toBe(2);
  });
});
