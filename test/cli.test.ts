import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGGER_CONFIG, git, gitInit, read, shipshape, tempTree } from './helpers/cli';

const APP = "import express from 'express';\n\nconst app = express();\nconsole.log('ready');\n";

function service(extra: Record<string, string | Buffer> = {}) {
  return tempTree({
    'shipshape.config.json': LOGGER_CONFIG,
    'src/logger.ts': "export const logger = { info() {}, warn() {}, error() {}, debug() {} };\n",
    'src/app.ts': APP,
    ...extra,
  });
}

const C2L = ['-t', 'console-to-logger'];

describe('shipshape run: modes', () => {
  it('dry run (the default) prints a git-style diff and writes nothing', () => {
    const dir = service();
    const r = shipshape(dir, ['run', ...C2L]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('diff --git a/src/app.ts b/src/app.ts\n--- a/src/app.ts\n+++ b/src/app.ts\n@@ ');
    expect(r.stdout).toContain("-console.log('ready');");
    expect(r.stdout).toContain("+logger.info('ready');");
    expect(read(dir, 'src/app.ts')).toBe(APP);
    expect(r.stderr).toMatch(/2 files scanned, 1 would change, 0 failed, 0 skipped, 0 manual-review items/);
    expect(r.stderr).toContain('console-to-logger  1 change');
    expect(r.stderr).toContain('--write');
  });

  it('--write applies, and a second run changes nothing (idempotent)', () => {
    const dir = service();
    const first = shipshape(dir, ['run', ...C2L, '--write']);
    expect(first.code).toBe(0);
    expect(read(dir, 'src/app.ts')).toContain("logger.info('ready');");
    expect(read(dir, 'src/app.ts')).toContain("import { logger } from './logger';");
    const second = shipshape(dir, ['run', ...C2L, '--check']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('nothing to change');
  });

  it('--check exits 1 when anything would change and writes nothing', () => {
    const dir = service();
    const r = shipshape(dir, ['run', ...C2L, '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('check failed: 1 file would change');
    expect(read(dir, 'src/app.ts')).toBe(APP);
  });

  it('refuses two modes at once', () => {
    const r = shipshape(service(), ['run', '--write', '--check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write and --check cannot be combined');
  });
});

describe('shipshape run: reports', () => {
  it("--json - prints the version 1 report on stdout instead of the diff", () => {
    const dir = service({ 'src/table.ts': "console.table(rows);\n" });
    const r = shipshape(dir, ['run', ...C2L, '--json', '-']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.mode).toBe('dry');
    expect(report.transforms).toEqual(['console-to-logger']);
    const app = report.files.find((f: any) => f.path === 'src/app.ts');
    expect(app).toMatchObject({ status: 'changed', changes: { 'console-to-logger': 1 }, manual: [] });
    const table = report.files.find((f: any) => f.path === 'src/table.ts');
    expect(table.manual[0]).toMatchObject({ transform: 'console-to-logger', line: 1 });
    expect(report.files.some((f: any) => f.path === 'src/logger.ts')).toBe(false);
    expect(report.summary).toMatchObject({ files: 3, changed: 1, errors: 0, skipped: 0, manual: 1, changes: { 'console-to-logger': 1 } });
  });

  it('--patch writes a diff that git apply accepts on a clean clone', () => {
    const dir = service({ 'src/worker.js': "const x = require('./x');\nconsole.error('boom');\n" });
    gitInit(dir);
    const r = shipshape(dir, ['run', ...C2L, '--patch', 'out.patch', '--json', 'report.json', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const clone = tempTree({});
    git(clone, 'clone', '-q', dir, 'c');
    const check = spawnSync('git', ['apply', '--check', path.join(dir, 'out.patch')], { cwd: path.join(clone, 'c'), encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    git(path.join(clone, 'c'), 'apply', path.join(dir, 'out.patch'));
    expect(read(path.join(clone, 'c'), 'src/worker.js')).toContain("logger.error('boom')");
    expect(JSON.parse(read(dir, 'report.json')).summary.changed).toBe(2);
  });

  it('--color always colours the diff; NO_COLOR and pipes get none', () => {
    const dir = service();
    expect(shipshape(dir, ['run', ...C2L, '--color', 'always']).stdout).toContain('\u001b[32m+');
    expect(shipshape(dir, ['run', ...C2L]).stdout).not.toContain('\u001b[');
    expect(shipshape(dir, ['run', ...C2L, '--color', 'auto'], { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('--quiet prints only errors; --verbose lists skipped files', () => {
    const dir = service({ 'src/big.js': 'x'.repeat(2 * 1024 * 1024 + 10) });
    const quiet = shipshape(dir, ['run', ...C2L, '-q']);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    const verbose = shipshape(dir, ['run', ...C2L, '--verbose']);
    expect(verbose.stderr).toMatch(/skipped src\/big\.js: larger than 2 MB/);
  });
});

describe('shipshape run: bad input never prints a stack trace', () => {
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

  it('a path that does not exist: exit 2', () => {
    const r = shipshape(service(), ['run', 'nope/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path not found: nope/');
    noStack(r.stderr);
  });

  it('a file with a syntax error among good files: reported with its line, the others still done, exit 2', () => {
    const dir = service({ 'src/broken.ts': "console.log('a');\nconst = 3;\n" });
    const r = shipshape(dir, ['run', ...C2L, '--write', '--allow-dirty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\s+src\/broken\.ts: syntax error: .*\(line 2, column \d+\)/);
    expect(read(dir, 'src/broken.ts')).toBe("console.log('a');\nconst = 3;\n");
    expect(read(dir, 'src/app.ts')).toContain("logger.info('ready')");
    noStack(r.stderr);
  });

  it('a binary file with a .js name and a 5 MB minified bundle are skipped and reported', () => {
    const bin = Buffer.alloc(4096, 0);
    bin.write('console.log(1)', 100);
    const bundle = ('console.log("a");var a=function(){return 1};').repeat(120_000);
    const dir = service({ 'src/blob.js': bin, 'public/bundle.js': bundle, 'src/vendor.js': 'console.log(1);' + 'var x=1;'.repeat(2000) });
    const r = shipshape(dir, ['run', ...C2L, '--json', '-']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const reason = (p: string) => report.files.find((f: any) => f.path === p)?.reason;
    expect(reason('src/blob.js')).toBe('binary file');
    expect(reason('public/bundle.js')).toMatch(/larger than 2 MB/);
    expect(reason('src/vendor.js')).toBe('minified file');
    expect(report.summary.skipped).toBe(3);
  });

  it('an unknown transform: exit 2 with the closest name', () => {
    const r = shipshape(service(), ['run', '-t', 'healthz-to-healt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown transform 'healthz-to-healt' (did you mean 'healthz-to-health'?)");
    noStack(r.stderr);
  });

  it('invalid JSON in the config: exit 2 naming the file and line', () => {
    const dir = service({ 'shipshape.config.json': '{\n  "include": ["src/**"],\n  "exclude": [\n}\n' });
    const r = shipshape(dir, ['run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shipshape\.config\.json:4:1: invalid JSON: value expected/);
    noStack(r.stderr);
  });

  it('a misspelt transform, option or key in the config: exit 2 with a suggestion', () => {
    const t = shipshape(service({ 'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-loger': {} } }) }), ['run']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("unknown transform 'console-to-loger' (did you mean 'console-to-logger'?)");
    const o = shipshape(service({ 'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-logger': { imprt: 'x' } } }) }), ['run']);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/shipshape\.config\.json: transforms\["console-to-logger"\]: unknown option 'imprt' of console-to-logger \(did you mean 'import'\?\)/);
    const k = shipshape(service({ 'shipshape.config.json': JSON.stringify({ exlude: [] }) }), ['run']);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain("unknown key 'exlude' (did you mean 'exclude'?)");
    const ty = shipshape(service({ 'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-logger': { import: './src/logger', style: 'log4js' } } }) }), ['run']);
    expect(ty.code).toBe(2);
    expect(ty.stderr).toContain('transforms["console-to-logger"].style: expected one of');
  });

  it('a read-only file under --write: reported, left alone, the rest written, exit 2', () => {
    const dir = service({ 'src/locked.ts': "console.warn('careful');\n" });
    fs.chmodSync(path.join(dir, 'src/locked.ts'), 0o444);
    const r = shipshape(dir, ['run', ...C2L, '--write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\s+src\/locked\.ts: file is read-only/);
    expect(read(dir, 'src/locked.ts')).toBe("console.warn('careful');\n");
    expect(read(dir, 'src/app.ts')).toContain('logger.info');
  });

  it('a folder with nothing to do: exit 0 and says so', () => {
    const dir = tempTree({ 'README.md': '# hi\n', 'notes.txt': 'x' });
    const r = shipshape(dir, ['run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('nothing to do');
  });

  it('unknown flags and bad --jobs values exit 2', () => {
    expect(shipshape(service(), ['run', '--bogus']).code).toBe(2);
    const jobs = shipshape(service(), ['run', '--jobs', 'zero']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('expected a whole number');
  });
});

describe('shipshape run: files as they were', () => {
  it('keeps CRLF line endings, a BOM, the file mode and a missing final newline', () => {
    const crlf = "import x from 'x';\r\n\r\nconsole.log('crlf');\r\nx();\r\n";
    const bom = "\uFEFFconsole.log('bom');\nfoo();";
    const dir = service({ 'src/crlf.ts': crlf, 'src/bom.ts': bom, 'src/script.js': "#!/usr/bin/env node\nconsole.info('hi')\n" });
    fs.chmodSync(path.join(dir, 'src/script.js'), 0o755);
    const r = shipshape(dir, ['run', ...C2L, '--write']);
    expect(r.code).toBe(0);
    const out = read(dir, 'src/crlf.ts');
    expect(out).toContain("logger.info('crlf');\r\n");
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const bomOut = read(dir, 'src/bom.ts');
    expect(bomOut.startsWith('\uFEFF')).toBe(true);
    expect(bomOut.endsWith('foo();')).toBe(true);
    expect(fs.statSync(path.join(dir, 'src/script.js')).mode & 0o777).toBe(0o755);
    expect(read(dir, 'src/script.js').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'src')).filter((f) => f.includes('shipshape'))).toEqual([]);
  });
});

describe('shipshape run: which files', () => {
  it('respects nested .gitignore files with negation; --no-gitignore turns that off', () => {
    const dir = service({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/a.gen.ts': "console.log('gen');\n",
      'generated/x.ts': "console.log('x');\n",
      'src/keep/.gitignore': '!*.gen.ts\n',
      'src/keep/b.gen.ts': "console.log('kept');\n",
    });
    const r = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-']).stdout);
    const changed = r.files.filter((f: any) => f.status === 'changed').map((f: any) => f.path).sort();
    expect(changed).toEqual(['src/app.ts', 'src/keep/b.gen.ts']);
    const all = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-', '--no-gitignore']).stdout);
    expect(all.summary.changed).toBe(4);
  });

  it('never enters node_modules, dist or build, and skips .d.ts and .min.js', () => {
    const dir = service({
      'node_modules/x/index.js': "console.log('dep');\n",
      'dist/app.js': "console.log('built');\n",
      'build/app.js': "console.log('built');\n",
      'src/types.d.ts': 'declare const x: number;\n',
      'src/lib.min.js': "console.log('min');\n",
    });
    const r = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-']).stdout);
    expect(r.summary.files).toBe(2);
  });

  it('--include and --exclude (repeatable) and config include/exclude select files', () => {
    const dir = service({ 'src/legacy/old.ts': "console.log('old');\n", 'lib/other.ts': "console.log('o');\n" });
    const ex = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-', '--exclude', '**/legacy/**', '--exclude', 'lib/**']).stdout);
    expect(ex.files.map((f: any) => f.path)).toEqual(['src/app.ts']);
    const inc = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-', '--include', 'lib/**']).stdout);
    expect(inc.files.map((f: any) => f.path)).toEqual(['lib/other.ts']);
    fs.writeFileSync(path.join(dir, 'shipshape.config.json'), JSON.stringify({ exclude: ['**/legacy/**'], transforms: { 'console-to-logger': { import: './src/logger' } } }));
    const cfg = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-']).stdout);
    expect(cfg.files.map((f: any) => f.path).sort()).toEqual(['lib/other.ts', 'src/app.ts']);
  });

  it('accepts files and globs as paths, relative to the cwd', () => {
    const dir = service({ 'lib/other.ts': "console.log('o');\n" });
    const file = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-', 'lib/other.ts']).stdout);
    expect(file.files.map((f: any) => f.path)).toEqual(['lib/other.ts']);
    const glob = JSON.parse(shipshape(path.join(dir, 'src'), ['run', ...C2L, '--json', '-', '*.ts']).stdout);
    expect(glob.files.map((f: any) => f.path)).toEqual(['app.ts']);
  });

  it('does not follow a symlink that leaves the root', () => {
    const outside = tempTree({ 'evil.ts': "console.log('outside');\n" });
    const dir = service();
    fs.symlinkSync(path.join(outside, 'evil.ts'), path.join(dir, 'src/link.ts'));
    const r = JSON.parse(shipshape(dir, ['run', ...C2L, '--json', '-', '--write']).stdout);
    expect(r.files.find((f: any) => f.path === 'src/link.ts')).toMatchObject({ status: 'skipped' });
    expect(read(outside, 'evil.ts')).toBe("console.log('outside');\n");
  });
});

describe('shipshape run: config', () => {
  it('finds shipshape.config.json from a subfolder upward and resolves paths from its folder', () => {
    const dir = service({ 'src/routes/users.ts': "console.log('users');\n" });
    const r = shipshape(path.join(dir, 'src/routes'), ['run', ...C2L]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+import { logger } from '../logger';");
    expect(r.stdout).toContain('--- a/users.ts');
  });

  it('falls back to the "shipshape" key of package.json; --config names a file', () => {
    const dir = tempTree({
      // The logger packages are dependencies: verification withholds an import of a package the service does not have.
      'package.json': JSON.stringify({ name: 'svc', dependencies: { '@acme/log': '1.0.0', '@other/log': '1.0.0' }, shipshape: { transforms: { 'console-to-logger': { import: '@acme/log' } } } }),
      'src/a.ts': "console.log('a');\n",
      'other.json': JSON.stringify({ transforms: { 'console-to-logger': { import: '@other/log' } } }),
    });
    expect(shipshape(dir, ['run', ...C2L]).stdout).toContain("from '@acme/log'");
    expect(shipshape(dir, ['run', ...C2L, '--config', 'other.json']).stdout).toContain("from '@other/log'");
    const missing = shipshape(dir, ['run', '--config', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
  });

  it('--format runs the project prettier config on changed files that already follow it', () => {
    // Formatted as prettier (printWidth 70) would; the rewritten call is too long for one line.
    const long = "export function capture(paymentRef: string, merchantRef: string) {\n  console.log(\n    'Captured:',\n    paymentRef,\n    merchantRef,\n    amountInCents,\n    currency,\n  );\n}\n";
    const sloppy = "export const  a = 1\nconsole.log('sloppy',  a)\n";
    const dir = service({ '.prettierrc': JSON.stringify({ singleQuote: true, printWidth: 70 }), 'src/app.ts': long, 'src/sloppy.ts': sloppy, 'src/untouched.ts': "const a = 'x'\n" });
    const r = shipshape(dir, ['run', ...C2L, '--write']);
    expect(r.code).toBe(0);
    // prettier formats the rewritten call (which keeps the original's one value a line)
    expect(read(dir, 'src/app.ts')).toContain("  logger.info('Captured', {\n    paymentRef,\n    merchantRef,\n    amountInCents,\n    currency,\n  });\n");
    // a file that never followed prettier keeps its own layout outside the rewrite
    expect(read(dir, 'src/sloppy.ts')).toContain('export const  a = 1\n');
    expect(read(dir, 'src/untouched.ts')).toBe("const a = 'x'\n");
    const off = service({ '.prettierrc': JSON.stringify({ singleQuote: true, printWidth: 70 }), 'src/app.ts': long });
    shipshape(off, ['run', ...C2L, '--write', '--no-format']);
    expect(read(off, 'src/app.ts')).toContain("  logger.info(\n    'Captured',\n    {\n      paymentRef,\n      merchantRef,\n      amountInCents,\n      currency,\n    },\n  );\n");
  });
});

describe('shipshape run: git safety', () => {
  it('--write refuses when git shows uncommitted changes in the target paths, unless --allow-dirty', () => {
    const dir = service();
    gitInit(dir);
    fs.appendFileSync(path.join(dir, 'src/app.ts'), '// wip\n');
    const r = shipshape(dir, ['run', ...C2L, '--write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uncommitted changes in src/app.ts');
    expect(r.stderr).toContain('--allow-dirty');
    expect(read(dir, 'src/app.ts')).toContain("console.log('ready')");
    const other = shipshape(dir, ['run', ...C2L, '--write', 'src/logger.ts']);
    expect(other.code).toBe(0);
    const forced = shipshape(dir, ['run', ...C2L, '--write', '--allow-dirty']);
    expect(forced.code).toBe(0);
    expect(read(dir, 'src/app.ts')).toContain("logger.info('ready')");
  });
});

describe('shipshape run: workers', () => {
  it('gives identical results with --jobs 1 and --jobs 2 on enough files to use workers', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`src/m${i}.ts`] = i % 3 === 0 ? `console.log('m${i}', value${i});\n` : `export const v${i} = ${i};\n`;
    files['src/bad.ts'] = 'console.log(;\n';
    const dir = service(files);
    const one = shipshape(dir, ['run', ...C2L, '--no-cache', '--jobs', '1', '--json', 'one.json', '--patch', 'one.patch', '-q']);
    const two = shipshape(dir, ['run', ...C2L, '--no-cache', '--jobs', '2', '--json', 'two.json', '--patch', 'two.patch', '-q']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    // Timings (verification's `ms`) are the only thing allowed to differ.
    const untimed = (f: string) => read(dir, f).replace(/"(\w*)(ms|Ms)": [\d.]+/g, '"$1$2": 0');
    expect(untimed('two.json')).toBe(untimed('one.json'));
    expect(read(dir, 'two.patch')).toBe(read(dir, 'one.patch'));
    expect(JSON.parse(read(dir, 'one.json')).summary).toMatchObject({ changed: 51, errors: 1 });
  });
});

describe('shipshape list and describe', () => {
  it('lists every transform with what it fixes', () => {
    const r = shipshape(service(), ['list']);
    expect(r.code).toBe(0);
    for (const name of ['console-to-logger', 'healthz-to-health', 'correlation-id', 'graceful-shutdown']) expect(r.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
  });

  it('describe prints options; an unknown name exits 2', () => {
    const r = shipshape(service(), ['describe', 'console-to-logger']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+import: string/m);
    const bad = shipshape(service(), ['describe', 'console']);
    expect(bad.code).toBe(2);
  });

  it('--help and --version exit 0', () => {
    expect(shipshape(service(), ['--help']).code).toBe(0);
    expect(shipshape(service(), ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
