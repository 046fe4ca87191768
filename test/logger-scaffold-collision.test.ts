import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { read, tempTree } from './helpers/cli';

// Seen on node-microservices-template: the logger library package's own src/logger.ts (a class
// Logger) sat where the scaffold goes; console-to-logger imported `{ logger }` from it (TS2724).
describe('zero-config logger scaffold where the service already has a logger.ts of its own', () => {
  it('creates nothing, rewrites nothing in that service, and says what to set', async () => {
    const index = "export function start(): void {\n  console.log('starting');\n}\n";
    const own = 'export class Logger {\n  info(message: string): void {\n    process.stdout.write(message);\n  }\n}\n';
    const dir = tempTree({
      'package.json': JSON.stringify({ name: '@micro/logger', main: 'src/index.ts' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      'src/index.ts': index,
      'src/logger.ts': own,
    });
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    expect(read(dir, 'src/index.ts')).toBe(index);
    expect(read(dir, 'src/logger.ts')).toBe(own);
    const items = report.files.flatMap((f) => f.manual.map((m) => m.message));
    expect(items.join('\n')).toMatch(/src\/logger\.ts exists and is not shipshape's logger module/);
    expect(items.join('\n')).toMatch(/"import": "\.\/src\/logger"/);
    expect(exitCode).toBeLessThan(2);
  });
});

// Seen on nestjs-microservices-template: libs/common has src/logger/index.ts (its CorrelationLogger);
// a scaffolded src/logger.ts would have taken its place for every `../logger` import (TS2305).
describe('zero-config logger scaffold where a folder module answers to the same path', () => {
  it('creates nothing, so every existing import keeps resolving to the folder', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'common', main: 'src/index.ts' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
      'src/index.ts': "import { CorrelationLogger } from './logger';\nexport const log = new CorrelationLogger();\nconsole.log('loaded');\n",
      'src/logger/index.ts': 'export class CorrelationLogger {}\n',
    });
    const { report } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    expect(() => read(dir, 'src/logger.ts')).toThrow();
    const items = report.files.flatMap((f) => f.manual.map((m) => m.message)).join('\n');
    expect(items).toContain('src/logger/index.ts already answers to the path of the logger module shipshape would create (src/logger.ts)');
  });
});

// Seen on the same repository: a root service whose only console calls were in frontend/ (browser
// code, left alone) got a root logger.js that nothing imported.
describe('a scaffold nothing would import', () => {
  it('is not created, and is no failure', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'site' }),
      'frontend/main.js': "console.log('clicked');\n",
    });
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    expect(() => read(dir, 'logger.js')).toThrow();
    expect(report.summary).toMatchObject({ changed: 0, errors: 0 });
    expect(exitCode).toBe(0);
  });
});
