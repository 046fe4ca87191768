import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { execute } from '../src/runner/run';
import { consoleToLogger } from '../transforms/console-to-logger';

/**
 * A logger of the service's own that is a class (Nest's injected LoggerService, `new Logger()` per
 * module), seen on mikemajesty/nestjs-microservice-boilerplate-api: its console calls are how it
 * prints, and a second, scaffolded logger beside it would split the service's output.
 */
const LOGGER_CLASS = `import pino from 'pino';

export class LoggerService {
  private logger = pino();
  static log(message: string) {
    console.log(\`TRACE \${message}\`);
  }
  info(message: string) {
    this.logger.info(message);
  }
  error(error: Error, message?: string) {
    console.error(message, error);
  }
}
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function rewrite(source: string) {
  const options = resolveOptions(consoleToLogger, { import: './logger', name: 'logger', kind: 'named' }, 'test');
  return transformFile({ path: '/virtual/src/a.ts', relPath: 'src/a.ts', root: '/virtual', source }, [consoleToLogger], { 'console-to-logger': options });
}

describe("console calls inside a logger's own implementation", () => {
  it('are left alone in a class with level methods, static ones included', () => {
    expect(rewrite(LOGGER_CLASS).status).toBe('unchanged');
  });

  it('are left alone in an object literal with level methods', () => {
    const source = "export const log = {\n  info: (m: string) => console.log(m),\n  error(m: string) {\n    console.error(m);\n  },\n};\n";
    expect(rewrite(source).status).toBe('unchanged');
  });

  it('are rewritten in a class that only has one method of a level name', () => {
    const source = 'export class Job {\n  log(m: string) {\n    console.log(m);\n  }\n}\n';
    expect(rewrite(source).output).toContain("logger.info('m in log', { m });");
  });
});

describe('a service whose logger is a class of its own, with no instance exported (zero config)', () => {
  it('gets no second logger: console-to-logger leaves the service with one manual item that says what to set', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-logger-class-')));
    dirs.push(dir);
    const files: Record<string, string> = {
      'package.json': '{ "name": "orders", "dependencies": { "pino": "^9" } }',
      'tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["src"] }',
      'src/infra/logger/service.ts': LOGGER_CLASS,
      'src/jobs/cleanup.ts': "export function cleanup(n: number) {\n  console.log('cleaned', n);\n}\n",
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const { report } = await execute({ cwd: dir, mode: 'write', allowDirty: true, jobs: 1, transforms: ['console-to-logger'] });
    expect(fs.existsSync(path.join(dir, 'src/logger.ts'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'src/jobs/cleanup.ts'), 'utf8')).toBe(files['src/jobs/cleanup.ts']);
    const items = report.files.flatMap((f) => f.manual.map((m) => `${f.path}: ${m.message}`));
    expect(items).toEqual([expect.stringContaining('src/infra/logger/service.ts:3 defines class LoggerService with level methods (info, error)')]);
    expect(items[0]).toContain('"import": "./src/infra/logger/logger"');
  });
});
