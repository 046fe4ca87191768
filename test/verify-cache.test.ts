import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute, type RunOptions } from '../src/runner/run';
import { traceDisk, traceHolds } from '../src/verify/disk-trace';
import { VerificationCache, defaultCacheDir } from '../src/verify/cache';
import { shipshape, tempTree } from './helpers/cli';
import { linkNodeModules, registerVerifyInject } from './helpers/verify';

beforeAll(() => registerVerifyInject());

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', types: ['node'], skipLibCheck: true, noEmit: true }, include: ['src'] });
const DECLARE = 'declare function inject(code: string): void;\n';

function tsService(files: Record<string, string>): string {
  const dir = tempTree({ 'package.json': '{"name":"api"}', 'tsconfig.json': TSCONFIG, ...files });
  linkNodeModules(dir);
  return dir;
}

const cacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cache-'));
const dry = (cwd: string, cache: string | false, extra: RunOptions = {}) => execute({ cwd, transforms: ['verify-inject'], mode: 'dry', jobs: 1, format: false, cache, ...extra });

/** A service whose change (in use.ts) calls what ids.ts exports: the check of use.ts reads ids.ts. */
function service(): string {
  return tsService({
    'src/ids.ts': "export function newId(): string {\n  return 'x';\n}\n",
    'src/use.ts': `${DECLARE}import { newId } from './ids';\ninject('export const id: string = newId();');\n`,
  });
}

function withoutTimes(report: any) {
  return JSON.parse(JSON.stringify(report, (k, v) => (k === 'ms' || k === 'cached' || k === 'timings' || k === 'cache' ? undefined : v)));
}

describe('verification cache across runs', () => {
  it('reuses a service result when the same writes are verified against the same disk, with the same report', async () => {
    const dir = service();
    const cache = cacheDir();
    const first = await dry(dir, cache);
    expect(first.report.verification!.cache).toMatchObject({ hits: 0, misses: 1, stored: 1 });
    expect(first.report.services![0].verification!.cached).toBeUndefined();
    const second = await dry(dir, cache);
    expect(second.report.verification!.cache).toMatchObject({ hits: 1, misses: 0, stored: 0 });
    expect(second.report.services![0].verification!.cached).toBe(true);
    expect(withoutTimes(second.report)).toEqual(withoutTimes(first.report));
    expect(second.patches).toEqual(first.patches);
  });

  it('verifies again when a file the check read (an unchanged import) has changed, and withholds what now breaks', async () => {
    const dir = service();
    const cache = cacheDir();
    const first = await dry(dir, cache);
    expect(first.report.summary.withheld ?? 0).toBe(0);
    // Same size, new meaning: newId now returns a number, so the injected `id: string` breaks.
    fs.writeFileSync(path.join(dir, 'src/ids.ts'), "export function newId(): number {\n  return 1;\n}\n");
    const second = await dry(dir, cache);
    expect(second.report.verification!.cache).toMatchObject({ hits: 0, misses: 1 });
    const entry = second.report.files.find((f) => f.path === 'src/use.ts')!;
    expect(entry.withheld).toBe(true);
    expect(entry.error).toMatch(/TS2322/);
  });

  it('verifies again when a file appears where module resolution found nothing before (a probe that missed)', async () => {
    const dir = tsService({
      'src/ids/index.ts': "export function newId(): string {\n  return 'x';\n}\n",
      'src/use.ts': `${DECLARE}import { newId } from './ids';\ninject('export const id: string = newId();');\n`,
    });
    const cache = cacheDir();
    expect((await dry(dir, cache)).report.summary.withheld ?? 0).toBe(0);
    // ./ids now resolves to ids.ts, whose newId returns a number.
    fs.writeFileSync(path.join(dir, 'src/ids.ts'), 'export function newId(): number {\n  return 1;\n}\n');
    const second = await dry(dir, cache);
    expect(second.report.verification!.cache!.hits).toBe(0);
    expect(second.report.files.find((f) => f.path === 'src/use.ts')!.withheld).toBe(true);
  });

  it('verifies again when a file is added to a folder the tsconfig includes (a global declaration)', async () => {
    const dir = tsService({
      'src/ids.ts': "export function newId(): string {\n  return 'x';\n}\n",
      'src/use.ts': `${DECLARE}import { newId } from './ids';\ninject('export const id: string = newId() + extra;');\n`,
    });
    const cache = cacheDir();
    const withoutGlobal = await dry(dir, cache);
    expect(withoutGlobal.report.files.find((f) => f.path === 'src/use.ts')!.withheld).toBe(true);
    fs.writeFileSync(path.join(dir, 'src/globals.d.ts'), 'declare const extra: string;\n');
    const withGlobal = await dry(dir, cache);
    expect(withGlobal.report.verification!.cache!.hits).toBe(0);
    expect(withGlobal.report.files.find((f) => f.path === 'src/use.ts')!.status).toBe('changed');
  });

  it('keeps nothing with cache false, and a broken entry or an unwritable folder never fails the run', async () => {
    const dir = service();
    const cache = cacheDir();
    await dry(dir, false);
    expect(fs.readdirSync(cache)).toEqual([]);
    await dry(dir, cache);
    const entries = fs.readdirSync(path.join(cache, 'verify-v1'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'));
    expect(entries.length).toBe(1);
    fs.writeFileSync(path.join(entries[0].parentPath, entries[0].name), '{not json');
    const broken = await dry(dir, cache);
    expect(broken.report.verification!.cache).toMatchObject({ hits: 0, misses: 1, stored: 1 });
    const file = path.join(cache, 'a-file');
    fs.writeFileSync(file, '');
    const unwritable = await dry(dir, file);
    expect(unwritable.report.verification!.cache).toMatchObject({ stored: 0, failures: 1 });
    expect(unwritable.exitCode).toBe(broken.exitCode);
  });

  it('keys by the planned writes: another output is another question', () => {
    const cache = new VerificationCache(cacheDir());
    const service = { name: 'api', dir: '/x', buildContext: [] } as any;
    const input = (output: string) => ({ cwd: '/x', service, writes: [{ path: '/x/a.ts', original: 'a', output }], runCreated: new Set<string>() });
    expect(cache.keyOf(input('b'), [service])).toBe(cache.keyOf(input('b'), [service]));
    expect(cache.keyOf(input('b'), [service])).not.toBe(cache.keyOf(input('c'), [service]));
  });

  it('sweeps entries and fleet facts no run used for a week, at most once a day', () => {
    const dir = cacheDir();
    const files = ['verify-v1/ab/old.json', 'verify-v1/ab/new.json', 'facts-v1/old.json', 'facts-v1/new.json'].map((f) => path.join(dir, f));
    for (const f of files) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, '{}');
    }
    const weekAgo = new Date(Date.now() - 8 * 86_400_000);
    for (const f of files.filter((f) => f.endsWith('old.json'))) fs.utimesSync(f, weekAgo, weekAgo);
    const cache = new VerificationCache(dir);
    cache.prune();
    expect(files.map((f) => fs.existsSync(f))).toEqual([false, true, false, true]);
    fs.utimesSync(files[1], weekAgo, weekAgo);
    cache.prune();
    expect(fs.existsSync(files[1])).toBe(true);
  });

  it('lives outside the repository: $SHIPSHAPE_CACHE_DIR, else the user cache folder', () => {
    expect(defaultCacheDir({ SHIPSHAPE_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/tmp/xdg' })).toBe('/tmp/xdg/shipshape');
  });

  it('the CLI reuses results by default and says so; --no-cache verifies again', () => {
    const dir = service();
    const cache = cacheDir();
    const env = { SHIPSHAPE_CACHE_DIR: cache };
    const args = ['run', '--dry', '-t', 'correlation-id', '--json', '-', '--quiet'];
    fs.writeFileSync(path.join(dir, 'src/app.ts'), "import express from 'express';\nconst app = express();\napp.listen(3000);\n");
    const runs = [shipshape(dir, args, env), shipshape(dir, args, env), shipshape(dir, [...args, '--no-cache'], env)].map((r) => JSON.parse(r.stdout));
    expect(runs[0].verification.cache).toMatchObject({ dir: cache, hits: 0 });
    expect(runs[0].verification.cache.misses).toBeGreaterThan(0);
    expect(runs[1].verification.cache).toMatchObject({ hits: runs[0].verification.cache.misses, misses: 0 });
    expect(runs[2].verification.cache).toBeUndefined();
    expect(withoutTimes(runs[1])).toEqual(withoutTimes(runs[0]));
  });
});

describe('disk trace', () => {
  it('records reads, misses, kinds and listings, and holds until one of them changes', () => {
    const dir = tempTree({ 'a.txt': 'one', 'sub/b.txt': 'two' });
    const { trace } = traceDisk(() => {
      fs.readFileSync(path.join(dir, 'a.txt'), 'utf8');
      fs.existsSync(path.join(dir, 'missing.txt'));
      fs.statSync(path.join(dir, 'sub/none'), { throwIfNoEntry: false });
      fs.readdirSync(path.join(dir, 'sub'), { withFileTypes: true });
    });
    expect(trace).not.toBeNull();
    expect(trace!.reads.map((r) => path.basename(r[0]))).toEqual(['a.txt']);
    expect(traceHolds(trace!)).toBe(true);
    const cases: [string, () => void, () => void][] = [
      ['a read file changes', () => fs.writeFileSync(path.join(dir, 'a.txt'), 'uno'), () => fs.writeFileSync(path.join(dir, 'a.txt'), 'one')],
      ['a missing file appears', () => fs.writeFileSync(path.join(dir, 'missing.txt'), ''), () => fs.rmSync(path.join(dir, 'missing.txt'))],
      ['a stat miss appears', () => fs.mkdirSync(path.join(dir, 'sub/none')), () => fs.rmdirSync(path.join(dir, 'sub/none'))],
      ['a listed folder gains a file', () => fs.writeFileSync(path.join(dir, 'sub/c.txt'), ''), () => fs.rmSync(path.join(dir, 'sub/c.txt'))],
    ];
    for (const [what, change, undo] of cases) {
      change();
      expect(traceHolds(trace!), what).toBe(false);
      undo();
      expect(traceHolds(trace!), `${what}, undone`).toBe(true);
    }
  });

  it('hashes again a file changed within the racy window, even with the same size and time', () => {
    const dir = tempTree({ 'a.txt': 'one' });
    const file = path.join(dir, 'a.txt');
    const { trace } = traceDisk(() => fs.readFileSync(file));
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'two');
    fs.utimesSync(file, mtime, mtime);
    expect(traceHolds(trace!)).toBe(false);
  });

  it('gives no trace for a read it cannot replay (a file descriptor), and restores fs afterwards', () => {
    const dir = tempTree({ 'a.txt': 'one' });
    const readFileSync = fs.readFileSync;
    const { trace } = traceDisk(() => {
      const fd = fs.openSync(path.join(dir, 'a.txt'), 'r');
      try {
        fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    });
    expect(trace).toBeNull();
    expect(fs.readFileSync).toBe(readFileSync);
  });
});
