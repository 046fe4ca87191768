import fs from 'node:fs';
import path from 'node:path';
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

  // nestjs-microservices-template: libs/common/src/logger/ (index.ts, a CorrelationLogger) is what
  // '../logger' names; a src/logger.ts beside it took the name over (TS2305 in the files importing it).
  it('creates no logger.ts beside a logger/ folder that answers to the same import path', async () => {
    const util = "import { CorrelationLogger } from '../logger';\n\nexport function scan(): void {\n  new CorrelationLogger().log('scan');\n  console.warn('scan failed');\n}\n";
    const dir = tempTree({
      'package.json': JSON.stringify({ name: '@libs/common', main: 'src/index.ts' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist', strict: true }, include: ['src'] }),
      'src/index.ts': "export * from './logger';\nexport * from './utils/scan';\n",
      'src/logger/index.ts': "export * from './correlation-logger';\n",
      'src/logger/correlation-logger.ts': 'export class CorrelationLogger {\n  log(message: string): void {\n    process.stdout.write(message);\n  }\n}\n',
      'src/utils/scan.ts': util,
    });
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger'], mode: 'write', jobs: 1, format: false, allowDirty: true });
    expect(fs.existsSync(path.join(dir, 'src/logger.ts'))).toBe(false);
    expect(read(dir, 'src/utils/scan.ts')).toBe(util);
    const items = report.files.flatMap((f) => f.manual.map((m) => m.message)).join('\n');
    expect(items).toMatch(/src\/logger\/index\.ts answers to the import path of the logger shipshape would create/);
    expect(exitCode).toBeLessThan(2);
  });
});
