import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute, type RunOptions } from '../src/runner/run';
import { read, shipshape, tempTree } from './helpers/cli';
import { linkNodeModules, registerVerifyInject } from './helpers/verify';

beforeAll(() => registerVerifyInject());

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', types: ['node'], skipLibCheck: true, noEmit: true }, include: ['src'] });
const DECLARE = 'declare function inject(code: string): void;\n';

/** A TypeScript service with the given src files (installed packages: shipshape's own). */
function tsService(files: Record<string, string>, pkg: object = { name: 'api' }): string {
  const dir = tempTree({ 'package.json': JSON.stringify(pkg), 'tsconfig.json': TSCONFIG, ...files });
  linkNodeModules(dir);
  return dir;
}

const write = (cwd: string, extra: RunOptions = {}) => execute({ cwd, transforms: ['verify-inject'], mode: 'write', jobs: 1, format: false, allowDirty: true, ...extra });

function server(statement: string): string {
  return `${DECLARE}import * as http from 'node:http';\n\nexport const server = http.createServer((req, res) => {\n  inject(${JSON.stringify(statement)});\n  res.end('ok');\n});\n`;
}

describe('verification: types', () => {
  it('withholds a change that adds TS2339 (req.correlationId on IncomingMessage) and leaves the file as it was', async () => {
    const source = server('const id: string = req.correlationId;');
    const dir = tsService({ 'src/server.ts': source });
    const { report, exitCode, patches } = await write(dir);
    expect(read(dir, 'src/server.ts')).toBe(source);
    const entry = report.files.find((f) => f.path === 'src/server.ts')!;
    expect(entry.status).toBe('error');
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/src\/server\.ts:5: TS2339 Property 'correlationId' does not exist on type 'IncomingMessage'/);
    expect(exitCode).toBe(2);
    expect(patches).toEqual([]);
    const v = report.services![0].verification!;
    expect(v.types.extent).toBe('full');
    expect(v.types).toMatchObject({ newDiagnostics: 1, diagnosticsAfter: v.types.diagnosticsBefore });
    expect(v.withheld.map((w) => w.path)).toEqual(['src/server.ts']);
    expect(report.summary.withheld).toBe(1);
  });

  it('writes the same kind of change when it type-checks (control)', async () => {
    const dir = tsService({ 'src/server.ts': server("const id = req.headers['x-request-id'];") });
    const { report, exitCode } = await write(dir);
    expect(read(dir, 'src/server.ts')).toContain("const id = req.headers['x-request-id'];");
    expect(report.files.find((f) => f.path === 'src/server.ts')!.status).toBe('changed');
    expect(exitCode).toBe(0);
    const v = report.services![0].verification!;
    expect(v).toMatchObject({ types: { extent: 'full', files: 1 }, withheld: [] });
  });

  it('counts an error the change causes in a file that imports it against the change', async () => {
    const dir = tsService({
      'src/ids.ts': `${DECLARE}export function newId(): string {\n  return 'x';\n}\ninject('export const unrelated = 1;');\n`,
      'src/use.ts': "import { newId } from './ids';\nexport const id: string = newId();\n",
    });
    // The change renames the export: ids.ts itself is fine, use.ts breaks.
    fs.writeFileSync(path.join(dir, 'src/ids.ts'), `${DECLARE}inject('export function makeId(): string { return "x"; }');\n`);
    const { report } = await write(dir);
    const entry = report.files.find((f) => f.path === 'src/ids.ts')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/in a file that imports it.*src\/use\.ts:1: TS2305/);
    expect(read(dir, 'src/ids.ts')).toContain("inject('export function makeId");
  });

  it('says how far it got when packages are not installed (never a plain pass)', async () => {
    const dir = tempTree({ 'package.json': '{"name":"bare"}', 'tsconfig.json': TSCONFIG, 'src/a.ts': `${DECLARE}import express from 'express';\ninject('export const app = express();');\n` });
    const { report } = await write(dir);
    const v = report.services![0].verification!;
    expect(v.types.extent).toBe('partial');
    expect(v.types.why!.join('; ')).toMatch(/no node_modules/);
    expect(v.types.why!.join('; ')).toMatch(/unresolved module/);
  });
});

describe('verification: modules', () => {
  function jsService(files: Record<string, string>, root: Record<string, string> = {}) {
    return tempTree({ 'package.json': '{"name":"mono","private":true,"workspaces":["services/*"]}', 'services/cart/package.json': JSON.stringify({ name: 'cart', dependencies: { 'esm-only': '1.0.0', 'cjs-lib': '1.0.0' } }), ...root, ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`services/cart/${k}`, v])) });
  }
  const JS_INJECT = 'function inject() {}\n';

  it('withholds an import that leaves the service folder', async () => {
    const source = `${JS_INJECT}inject("const { mw } = require('../../shared/mw');");\nmodule.exports = mw;\n`;
    const dir = jsService({ 'server.js': source }, { 'shared/mw.js': 'exports.mw = () => {};\n' });
    const { report } = await write(dir);
    expect(read(dir, 'services/cart/server.js')).toBe(source);
    const entry = report.files.find((f) => f.path === 'services/cart/server.js')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/'\.\.\/\.\.\/shared\/mw' resolves to .*shared\/mw\.js, outside the service's build context/);
  });

  it('withholds require() of an ES module package', async () => {
    const source = `${JS_INJECT}inject("const esm = require('esm-only');");\nmodule.exports = esm;\n`;
    const dir = jsService({
      'server.js': source,
      'node_modules/esm-only/package.json': JSON.stringify({ name: 'esm-only', type: 'module', exports: { import: './index.js' } }),
      'node_modules/esm-only/index.js': 'export const x = 1;\n',
    });
    const { report } = await write(dir);
    expect(read(dir, 'services/cart/server.js')).toBe(source);
    expect(report.files.find((f) => f.path === 'services/cart/server.js')!.error).toMatch(/require\('esm-only'\) cannot load 'esm-only'/);
  });

  it("withholds a named import Node's ESM loader would not find on a CommonJS module", async () => {
    const source = `${JS_INJECT}inject("import { missing, present } from 'cjs-lib';");\nexport default [missing, present];\n`;
    const dir = jsService({
      'server.mjs': source,
      'node_modules/cjs-lib/package.json': JSON.stringify({ name: 'cjs-lib', main: 'lib.js' }),
      'node_modules/cjs-lib/lib.js': "exports.present = 1;\nmodule.exports.other = 2;\nfunction hidden() {}\nmodule.exports = Object.assign(module.exports, { missing: hidden });\n",
    });
    const { report } = await write(dir);
    expect(read(dir, 'services/cart/server.mjs')).toBe(source);
    expect(report.files.find((f) => f.path === 'services/cart/server.mjs')!.error).toMatch(/does not see the named export 'missing'/);
  });

  it('withholds a middleware used at top level before the var that defines it is assigned', async () => {
    const source = `const app = require('./app');\n${JS_INJECT}inject('app.use(mw);');\nvar { mw } = require('./mw');\n`;
    const dir = jsService({ 'server.js': source, 'app.js': 'module.exports = { use() {} };\n', 'mw.js': 'exports.mw = () => {};\n' });
    const { report } = await write(dir);
    expect(read(dir, 'services/cart/server.js')).toBe(source);
    expect(report.files.find((f) => f.path === 'services/cart/server.js')!.error).toMatch(/'mw' is used on line 3 at module top level but is still undefined there \(the var is assigned on line 4\)/);
  });

  it('writes the same moves when they are in order and inside the service (control)', async () => {
    const dir = jsService({ 'server.js': `const app = require('./app');\nvar { mw } = require('./mw');\n${JS_INJECT}inject('app.use(mw);');\ninject("const helper = require('./helper');");\n`, 'app.js': 'module.exports = { use() {} };\n', 'mw.js': 'exports.mw = () => {};\n', 'helper.js': 'module.exports = 1;\n' });
    const { report, exitCode } = await write(dir);
    expect(read(dir, 'services/cart/server.js')).toMatch(/\}\napp\.use\(mw\);\s*const helper = require\('\.\/helper'\);\n$/);
    expect(exitCode).toBe(0);
    expect(report.services!.find((s) => s.name === 'cart')!.verification!.modules.specifiers).toBe(1);
  });
});

describe('verification: created modules and their importers', () => {
  const SCAFFOLD = 'src/middleware/correlation.ts';
  const scaffold = "import type { IncomingMessage } from 'node:http';\nexport function correlation(req: IncomingMessage): string {\n  return String(req.headers['x-request-id'] ?? '');\n}\n";
  const importer = (use: string) => `${DECLARE}import * as http from 'node:http';\ninject("import { correlation } from './middleware/correlation';");\nexport const server = http.createServer((req, res) => {\n  inject(${JSON.stringify(use)});\n  res.end('ok');\n});\n`;

  it('does not create a scaffold whose only importer is withheld', async () => {
    const source = importer('const id: string = correlation(req) + req.correlationId;');
    const dir = tsService({ 'src/server.ts': source });
    const { report } = await write(dir, { transformOptions: { 'verify-inject': { create: { [SCAFFOLD]: scaffold } } } });
    expect(read(dir, 'src/server.ts')).toBe(source);
    expect(fs.existsSync(path.join(dir, SCAFFOLD))).toBe(false);
    const created = report.files.find((f) => f.path === SCAFFOLD)!;
    expect(created).toMatchObject({ status: 'error', withheld: true, created: true });
    expect(created.error).toMatch(/not created: every file that imports it was withheld \(src\/server\.ts\)/);
  });

  it('withholds the importers of a scaffold that does not type-check', async () => {
    const source = importer('const id: string = correlation(req);');
    const dir = tsService({ 'src/server.ts': source });
    const broken = scaffold.replace("req.headers['x-request-id']", 'req.correlationId');
    const { report } = await write(dir, { transformOptions: { 'verify-inject': { create: { [SCAFFOLD]: broken } } } });
    expect(fs.existsSync(path.join(dir, SCAFFOLD))).toBe(false);
    expect(read(dir, 'src/server.ts')).toBe(source);
    expect(report.files.find((f) => f.path === 'src/server.ts')!.error).toMatch(/imports src\/middleware\/correlation\.ts, which is not created/);
  });

  it('creates the scaffold and writes its importer when both check (control)', async () => {
    const dir = tsService({ 'src/server.ts': importer('const id: string = correlation(req);') });
    const { report, exitCode } = await write(dir, { transformOptions: { 'verify-inject': { create: { [SCAFFOLD]: scaffold } } } });
    expect(exitCode).toBe(0);
    expect(read(dir, SCAFFOLD)).toBe(scaffold);
    expect(read(dir, 'src/server.ts')).toContain("import { correlation } from './middleware/correlation';");
    expect(report.services![0].verification!.types.files).toBe(2);
  });
});

describe('--no-verify', () => {
  it('writes without checking and every report says verification was skipped', async () => {
    const dir = tsService({ 'src/server.ts': server('const id: string = req.correlationId;') });
    const { report } = await write(dir, { verify: false });
    expect(read(dir, 'src/server.ts')).toContain('req.correlationId');
    expect(report.verification!.skipped).toMatch(/verification skipped \(--no-verify\)/);
    expect(report.services![0].verification!.skipped).toMatch(/--no-verify/);
  });
});

describe('verification through the built binary (console-to-logger)', () => {
  it('withholds a rewrite whose logger call does not type-check: stderr, exit 2, JSON, SARIF and Markdown say why', () => {
    const app = "export function ready(): void {\n  console.log('ready');\n}\n";
    const dir = tsService({
      'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-logger': { import: './src/logger' } } }),
      // The project's logger takes no arguments: logger.info('ready') is TS2554.
      'src/logger.ts': 'export const logger = { info(): void {}, warn(): void {}, error(): void {}, debug(): void {} };\n',
      'src/app.ts': app,
    });
    const r = shipshape(dir, ['run', '--write', '--allow-dirty', '-t', 'console-to-logger', '--json', 'r.json', '--sarif', 'r.sarif', '--markdown', 'r.md']);
    expect(r.code).toBe(2);
    expect(read(dir, 'src/app.ts')).toBe(app);
    expect(r.stderr).toMatch(/withheld src\/app\.ts: .*TS2554 Expected 0 arguments, but got 1/);
    expect(r.stderr).toContain('1 failed (1 withheld by verification)');
    const report = JSON.parse(read(dir, 'r.json'));
    expect(report.files.find((f: any) => f.path === 'src/app.ts')).toMatchObject({ status: 'error', withheld: true });
    const sarif = JSON.parse(read(dir, 'r.sarif'));
    const result = sarif.runs[0].results.find((x: any) => x.ruleId === 'verification');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/app.ts' }, region: { startLine: 3 } } }] });
    expect(Object.keys(sarif.runs[0].properties.verification)).toEqual(['(root)']);
    expect(read(dir, 'r.md')).toMatch(/### Verification\n\n- \*\*\(root\)\*\*: types: full.*1 withheld.*\n {2}- withheld `src\/app\.ts`: .*TS2554/);

    const skipped = shipshape(dir, ['run', '-t', 'console-to-logger', '--no-verify', '--markdown', '-']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('verification skipped (--no-verify)');
    expect(skipped.stderr).toContain('verification skipped (--no-verify)');
  });

  it('a compiler that throws on the changed file withholds the change and the run goes on (seen on a real service)', async () => {
    const own = path.join(__dirname, '..', 'node_modules');
    const dir = tempTree({ 'package.json': JSON.stringify({ name: 'api' }), 'tsconfig.json': TSCONFIG, 'src/server.ts': server('const COMPILER_THROWS = 1;').replace('COMPILER_THROWS', 'COMPILER\\u005fTHROWS'), 'src/other.ts': `${DECLARE}inject('export const x: number = 1;');\n` });
    // The marker is escaped in the original, so only the changed text makes the compiler throw.
    // The service's own "typescript": the real compiler, whose checker throws on one marked file.
    fs.mkdirSync(path.join(dir, 'node_modules', 'typescript'), { recursive: true });
    fs.symlinkSync(path.join(own, '@types'), path.join(dir, 'node_modules', '@types'), 'dir');
    fs.writeFileSync(path.join(dir, 'node_modules', 'typescript', 'package.json'), JSON.stringify({ name: 'typescript', version: '5.0.0-throws', main: 'index.js' }));
    fs.writeFileSync(
      path.join(dir, 'node_modules', 'typescript', 'index.js'),
      `const real = require(${JSON.stringify(path.join(own, 'typescript'))});\n` +
        'const ts = { ...real };\n' +
        'ts.createProgram = (...args) => {\n' +
        '  const p = real.createProgram(...args);\n' +
        '  const semantic = p.getSemanticDiagnostics.bind(p);\n' +
        "  p.getSemanticDiagnostics = (sf, token) => { if (sf && sf.text.includes('COMPILER_THROWS')) throw new TypeError(\"Cannot read properties of undefined (reading 'flags')\"); return semantic(sf, token); };\n" +
        '  return p;\n' +
        '};\n' +
        'module.exports = ts;\n',
    );
    const before = read(dir, 'src/server.ts');
    const { report, exitCode } = await write(dir);
    expect(read(dir, 'src/server.ts')).toBe(before);
    const entry = report.files.find((f) => f.path === 'src/server.ts')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toContain("failed while checking this file: Cannot read properties of undefined (reading 'flags')");
    expect(report.files.find((f) => f.path === 'src/other.ts')!.status).toBe('changed');
    expect(exitCode).toBe(2);
  });
});

describe('verification: re-checks after withholding', () => {
  it('withholding a file no other checked file imports needs no second program', async () => {
    const dir = tsService({
      'src/bad.ts': `${DECLARE}inject('export const n: number = "not a number";');\n`,
      'src/good.ts': `${DECLARE}inject('export const ok = 1;');\n`,
    });
    const { report } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/bad.ts')!.withheld).toBe(true);
    expect(report.files.find((f) => f.path === 'src/good.ts')!.status).toBe('changed');
    const types = report.services![0].verification!.types;
    expect(types.programs).toBe(1);
    expect(types).toMatchObject({ newDiagnostics: 1, diagnosticsAfter: types.diagnosticsBefore });
  });

  it('re-checks the changed file that imports a withheld one, and withholds it when it now fails', async () => {
    const dir = tsService({
      // The change adds a member to an interface and, by mistake, a type error: it is withheld.
      'src/ids.ts': `${DECLARE}export interface Id {\n  n: number;\n}\ninject('export interface Id { s: string }\\nexport const n: number = "not a number";');\n`,
      // This change (its import was already there) uses the new member: fine with ids.ts changed,
      // an excess property once ids.ts is withheld, so it only shows in the re-check.
      'src/use.ts': `${DECLARE}import type { Id } from './ids';\ninject('export const id: Id = { n: 1, s: "a" };');\n`,
      'src/other.ts': `${DECLARE}inject('export const ok = 1;');\n`,
    });
    const { report } = await write(dir);
    const byPath = (p: string) => report.files.find((f) => f.path === p)!;
    expect(byPath('src/ids.ts').withheld).toBe(true);
    expect(byPath('src/use.ts').withheld).toBe(true);
    expect(byPath('src/use.ts').error).toMatch(/src\/use\.ts:\d+: TS2353/);
    expect(byPath('src/other.ts').status).toBe('changed');
    expect(report.services![0].verification!.types.programs).toBe(2);
  });
});

describe('verification: programs rooted at the checked files', () => {
  it('still sees a global declared in a module nothing imports, and a global script', async () => {
    const dir = tsService({
      'src/augment.ts': 'export {};\ndeclare global {\n  var appName: string;\n}\n',
      'src/globals.ts': 'declare const buildTag: string;\n',
      'src/a.ts': `${DECLARE}inject('export const label = appName.toUpperCase() + buildTag;');\n`,
    });
    const { report, exitCode } = await write(dir);
    expect(report.files.find((f) => f.path === 'src/a.ts')!.status).toBe('changed');
    expect(exitCode).toBe(0);
  });
});
