import { describe, expect, it } from 'vitest';
import { importsNeedExtension, withRuntimeExtension, type ImportStyle } from '../src/ast/modules';
import { execute } from '../src/runner/run';
import { read, tempTree } from './helpers/cli';
import { linkNodeModules } from './helpers/verify';

const ts = (module?: string, moduleResolution?: string, moduleSystem: ImportStyle['moduleSystem'] = 'esm'): ImportStyle => ({ language: 'typescript', moduleSystem, tsconfig: { module, moduleResolution } });
const js = (moduleSystem: ImportStyle['moduleSystem']): ImportStyle => ({ language: 'javascript', moduleSystem });

describe('relative imports carry the extension Node needs', () => {
  it.each([
    ['JS ESM package', js('esm'), 'src/app.js', true],
    ['JS CommonJS package', js('commonjs'), 'src/app.js', false],
    ['.mjs in a CommonJS package', js('commonjs'), 'src/app.mjs', true],
    ['.cjs in an ESM package', js('esm'), 'src/app.cjs', false],
    ['TS NodeNext, ESM package', ts('NodeNext'), 'src/app.ts', true],
    ['TS Node16 resolution, ESM package', ts(undefined, 'node16'), 'src/app.ts', true],
    ['TS NodeNext, CommonJS package', ts('NodeNext', undefined, 'commonjs'), 'src/app.ts', false],
    ['.mts under NodeNext in a CommonJS package', ts('NodeNext', undefined, 'commonjs'), 'src/app.mts', true],
    ['TS ESNext with bundler resolution', ts('ESNext', 'bundler'), 'src/app.ts', false],
    ['TS CommonJS', ts('commonjs', undefined, 'commonjs'), 'src/app.ts', false],
  ])('%s', (_name, style, file, needed) => {
    expect(importsNeedExtension(style, file)).toBe(needed);
    expect(withRuntimeExtension('./lib/logger', style, file)).toBe(needed ? './lib/logger.js' : './lib/logger');
  });

  it('leaves packages, specifiers with an extension and runs without a service alone', () => {
    expect(withRuntimeExtension('pino', js('esm'), 'a.js')).toBe('pino');
    expect(withRuntimeExtension('./logger.mjs', js('esm'), 'a.js')).toBe('./logger.mjs');
    expect(withRuntimeExtension('./logger', undefined, 'a.js')).toBe('./logger');
  });

  it('a NodeNext TypeScript service gets its scaffolded logger imported as ./logger.js, and the change type-checks', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'api', type: 'module', scripts: { start: 'node dist/index.js' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'es2022', types: ['node'], skipLibCheck: true, rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      // No relative import to copy the habit from: the service's settings decide.
      'src/index.ts': "import { hostname } from 'node:os';\n\nconsole.log('started on', hostname());\n",
    });
    linkNodeModules(dir);
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const entry = report.files.find((f) => f.path === 'src/index.ts')!;
    expect(entry.withheld ?? false).toBe(false);
    expect(read(dir, 'src/index.ts')).toMatch(/from '\.\/logger\.js'/);
    expect(exitCode).toBeLessThan(2);
  });
});

describe('correlation-id in a NodeNext TypeScript service', () => {
  it('imports its scaffolded middleware as ./middleware/correlation-id.js, and the change type-checks', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'api', type: 'module', scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4.21.2' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'es2022', types: ['node'], skipLibCheck: true, esModuleInterop: true, rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      'src/index.ts': "import express from 'express';\n\nconst app = express();\n\napp.get('/', (_req, res) => {\n  res.send('ok');\n});\n\napp.listen(3000);\n",
    });
    linkNodeModules(dir);
    const { report } = await execute({ cwd: dir, transforms: ['correlation-id'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    const entry = report.files.find((f) => f.path === 'src/index.ts')!;
    expect(entry.withheld ?? false).toBe(false);
    expect(read(dir, 'src/index.ts')).toMatch(/from '\.\/middleware\/correlation-id\.js'/);
  });
});
