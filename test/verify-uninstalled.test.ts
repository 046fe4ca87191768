import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { TypeCheck } from '../src/verify/type-check';
import { tempTree } from './helpers/cli';
import { linkNodeModules, registerVerifyInject } from './helpers/verify';

beforeAll(() => registerVerifyInject());

// No `types`: without node_modules a `types: ['node']` would itself be unresolved.
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', skipLibCheck: true, noEmit: true }, include: ['src'] });
const DECLARE = 'declare function inject(code: string): void;\n';

const write = (cwd: string) => execute({ cwd, transforms: ['verify-inject'], mode: 'write', jobs: 1, format: false, allowDirty: true });

/** A service as a fresh clone has it: nothing installed. */
function bare(files: Record<string, string>): string {
  return tempTree({ 'package.json': '{"name":"bare"}', 'tsconfig.json': TSCONFIG, ...files });
}

describe('verification without installed packages: no program over the original texts when it cannot matter', () => {
  it('does not build it when every diagnostic after the change is of a package that is not installed', () => {
    const dir = bare({ 'src/a.ts': "import express from 'express';\nexport const app = express();\n" });
    const file = path.join(dir, 'src/a.ts');
    const check = new TypeCheck(dir, path.join(dir, 'tsconfig.json'), [file], []);
    const fresh = check.check(new Map([[file, "import express from 'express';\nexport const app = express();\napp.listen(3000);\n"]]));
    expect(fresh).toEqual([]);
    expect(check.facts.beforeProgram).toBe(false);
    expect(check.facts.uncompared).toEqual({ files: 1, diagnostics: 1 });
    expect(check.facts).toMatchObject({ before: 0, after: 0, extent: 'partial' });
    expect(check.facts.partial.join('; ')).toMatch(/not compared with the original texts, 1 file: every diagnostic after the change is of a package or Node type that is not installed/);
  });

  it('still compares with before, and catches a new error, when a file has any other diagnostic (control)', () => {
    const dir = bare({ 'src/a.ts': "import express from 'express';\nexport const n: number = 'already wrong';\n" });
    const file = path.join(dir, 'src/a.ts');
    const check = new TypeCheck(dir, path.join(dir, 'tsconfig.json'), [file], []);
    const fresh = check.check(new Map([[file, "import express from 'express';\nexport const n: number = 'already wrong';\nexport const s: string = 1;\n"]]));
    expect(fresh.map((d) => d.code)).toEqual([2322]);
    expect(fresh[0].line).toBe(3);
    expect(check.facts.beforeProgram).toBe(true);
    expect(check.facts).toMatchObject({ before: 2, after: 3, uncompared: { files: 0, diagnostics: 0 } });
  });

  it('reports the files it did not compare in the JSON report', async () => {
    const dir = bare({ 'src/a.ts': `${DECLARE}import express from 'express';\ninject('export const app = express();');\n` });
    const { report } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.status).toBe('changed');
    expect(report.services![0].verification!.types).toMatchObject({ extent: 'partial', uncompared: { files: 1, diagnostics: 1 }, diagnosticsBefore: 0, diagnosticsAfter: 0 });
  });
});

describe("verification: Node's timer methods without @types/node", () => {
  const shutdown = "inject('setTimeout(() => process.exit(1), 10000).unref();');";

  it('a timer .unref() that fails only because @types/node is not installed is unresolved (partial), not new', async () => {
    const dir = bare({ 'src/a.ts': `${DECLARE}declare const process: { exit(code: number): never };\n${shutdown}\n` });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.status).toBe('changed');
    expect(fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).toContain('.unref();');
    expect(exitCode).toBe(0);
    const types = report.services![0].verification!.types;
    expect(types).toMatchObject({ extent: 'partial', newDiagnostics: 0 });
    expect(types.why!.join('; ')).toMatch(/not compared with the original texts, 1 file/);
  });

  it('with @types/node installed, .unref() on a number is still a new error', async () => {
    const dir = tempTree({
      'package.json': '{"name":"installed"}',
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', types: ['node'], skipLibCheck: true, noEmit: true }, include: ['src'] }),
      'src/a.ts': `${DECLARE}inject('const n: number = 5;\\nn.unref();');\n`,
    });
    linkNodeModules(dir);
    const { report, exitCode } = await write(dir);
    const entry = report.files.find((f) => f.path === 'src/a.ts')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/TS2339 Property 'unref' does not exist on type 'number'/);
    expect(exitCode).toBe(2);
  });
});

describe('verification: callbacks untyped because their receiver comes from an uninstalled package', () => {
  const app = "import express from 'express';\nexport function createApp(): express.Express {\n  return express();\n}\nconst app = createApp();\nconst server = app.listen(3000);\n";
  const close = "inject('server.close((err) => {\\n  if (err) throw err;\\n});');";

  it('an implicit-any callback parameter on a value traced to an uninstalled import is unresolved, not new', async () => {
    const dir = bare({ 'src/app.ts': `${DECLARE}${app}${close}\n` });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === "src/app.ts")!.error).toBeUndefined();
    expect(exitCode).toBe(0);
    expect(report.services![0].verification!.types).toMatchObject({ extent: 'partial', newDiagnostics: 0 });
  });

  it('the same callback on an explicit any is still a new error (TS7006)', async () => {
    const dir = bare({ 'src/app.ts': `${DECLARE}${app}declare const other: any;\n${close.replace('server.close', 'other.close')}\n` });
    const { report, exitCode } = await write(dir);
    const entry = report.files.find((f) => f.path === 'src/app.ts')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/TS7006 Parameter 'err' implicitly has an 'any' type/);
    expect(exitCode).toBe(2);
  });
});

describe('verification: what only @types/node or the package itself declares, while they are not installed', () => {
  const ES2017 = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2017', lib: ['es2017'], skipLibCheck: true, noEmit: true }, include: ['src'] });

  it('setTimeout under a lib without DOM (bulletproof-nodejs: "lib": ["es2017"]) is unresolved, not new', async () => {
    const dir = tempTree({ 'package.json': '{"name":"bare"}', 'tsconfig.json': ES2017, 'src/a.ts': `${DECLARE}inject('setTimeout(() => undefined, 10);');\n` });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.status).toBe('changed');
    expect(exitCode).toBe(0);
  });

  it("a member the project's own `declare module 'express'` lacks, while express is not installed, is unresolved, not new", async () => {
    const dir = bare({
      'package.json': '{"name":"bare","dependencies":{"express":"^4"}}',
      'src/types.d.ts': "declare module 'express' {\n  interface Request {\n    user?: string;\n  }\n}\n",
      'src/a.ts': `${DECLARE}inject("import type { NextFunction } from 'express';\\nexport type N = NextFunction;");\n`,
    });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.error).toBeUndefined();
    expect(exitCode).toBe(0);
  });

  it('a member a local module lacks is still a new error (TS2305)', async () => {
    const dir = bare({ 'src/lib.ts': 'export const a = 1;\n', 'src/a.ts': `${DECLARE}inject("import { b } from './lib';\\nexport const c = b;");\n` });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.error).toMatch(/TS2305/);
    expect(exitCode).toBe(2);
  });
});
