import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { LOGGER_CONFIG, git, gitInit, read, shipshape, tempTree } from './helpers/cli';
import { registerTestTransform, workspaceRepo } from './helpers/rollout';

/** Runs the built CLI in this process (so the test transform is registered; `npm run build` first), in `cwd`. */
async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: any) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: any) => (err.push(String(s)), true));
  const before = process.cwd();
  process.chdir(cwd);
  process.exitCode = 0;
  try {
    await main(['node', 'shipshape', 'run', '-t', 'rollout-test', '--jobs', '1', '--no-format', ...args]);
  } finally {
    process.chdir(before);
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

// The built CLI (its version comes from the package.json next to dist/, as installed), loaded with
// Node's require so it shares one registry with the test.
const load = createRequire(__filename);
const { main } = load('../dist/src/cli.js') as typeof import('../src/cli');
beforeAll(() => registerTestTransform((load('../dist/transforms/index.js') as typeof import('../transforms')).TRANSFORMS));
afterEach(() => vi.restoreAllMocks());

describe('rollout CLI flags (in-process, test transform)', () => {
  it('--service (repeatable) and --shard reach the run; the summary is a table by service', async () => {
    const dir = workspaceRepo();
    const r = await cli(dir, ['--service', 'orders', '--service', '@acme/*', '--json', 'report.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/service\s+would change\s+rollout-test\s+manual\s+errors\n.*\n  orders\s+1\s+1\s+1\s+0\n  @acme\/payments\s+2\s+3\s+0\s+0/);
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.services.map((s: any) => s.name)).toEqual(['orders', '@acme/payments']);
    const shard = await cli(dir, ['--shard', '2/2', '--json', '-']);
    // Sorted, the services are (root), @acme/payments, billing, orders: the second shard takes every second one.
    expect(JSON.parse(shard.stdout).services.map((s: any) => s.name)).toEqual(['orders', '@acme/payments']);
    const bad = await cli(dir, ['--shard', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('shipshape: --shard x: expected <i>/<n>');
  });

  it('--markdown, --sarif and --patch-dir write their files; "-" puts a report on stdout instead of the diff', async () => {
    const dir = workspaceRepo();
    const r = await cli(dir, ['--markdown', 'pr.md', '--sarif', 'out.sarif', '--patch-dir', 'patches']);
    expect(r.code).toBe(0);
    expect(read(dir, 'pr.md')).toContain('| orders | 1 | 1 | 1 | 0 |');
    expect(JSON.parse(read(dir, 'out.sarif')).version).toBe('2.1.0');
    expect(fs.readdirSync(path.join(dir, 'patches')).sort()).toEqual(['acme-payments.patch', 'billing.patch', 'orders.patch', 'root.patch']);
    const md = await cli(dir, ['--markdown', '-']);
    expect(md.stdout.startsWith('## shipshape')).toBe(true);
    expect(md.stdout).not.toContain('diff --git');
  });

  it('--write --commit and --write --branch-per-service print what they made; usage errors exit 2 without a stack', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    const b = await cli(dir, ['--write', '--branch-per-service', 'shipshape']);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/branch  shipshape\/orders  [0-9a-f]{7}  1 file \(orders\)/);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const again = await cli(dir, ['--write', '--branch-per-service', 'shipshape']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^shipshape: --branch-per-service: branch .* already exists/);
    expect(again.stderr).not.toMatch(/\n\s+at /);
    const c = await cli(dir, ['--write', '--commit', '--service', 'billing']);
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/commit  [0-9a-f]{7}  billing  1 file/);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('chore(billing): rollout-test');
    const both = await cli(dir, ['--write', '--commit', '--branch-per-service', 'x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be combined');
  });

  it('--commit outside a git repository: a clear message, nothing written', async () => {
    const dir = workspaceRepo();
    const r = await cli(dir, ['--write', '--commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shipshape: --commit needs a git repository/);
    expect(read(dir, 'services/orders/src/app.js')).toContain("console.log('orders')");
  });
});

/**
 * End to end through the built binary (`npm run build` first) with the real console-to-logger,
 * written against its documented behaviour: `console.log('x')` → `logger.info('x')` plus an import.
 */
describe('rollout through the built binary (console-to-logger)', () => {
  // The services import the root's src/logger.ts from outside their folders, which verification withholds
  // (test/verify.test.ts); these tests are about splitting a run by service, so they skip it.
  const C2L = ['run', '-t', 'console-to-logger', '--no-verify'];
  const logger = "export const logger = { info() {}, warn() {}, error() {}, debug() {} };\n";

  function pnpmRepo() {
    return tempTree({
      'package.json': JSON.stringify({ name: 'fleet', private: true }),
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
      'shipshape.config.json': LOGGER_CONFIG,
      'src/logger.ts': logger,
      'apps/api/package.json': JSON.stringify({ name: '@fleet/api' }),
      'apps/api/src/server.ts': "console.log('api up');\n",
      'apps/worker/package.json': JSON.stringify({ name: '@fleet/worker' }),
      'apps/worker/src/main.ts': "console.log('worker up');\n",
    });
  }

  it('pnpm workspaces: JSON services, patches per service that apply on a fresh clone, branches per service', () => {
    const dir = pnpmRepo();
    gitInit(dir);
    const r = shipshape(dir, [...C2L, '--json', 'report.json', '--patch-dir', 'patches', '--sarif', 'out.sarif', '--markdown', 'pr.md', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(read(dir, 'report.json'));
    // Each service also carries its verification section (test/verify.test.ts covers it).
    expect(report.services!.map(({ verification, ...rest }) => rest)).toEqual([
      { name: '@fleet/api', slug: 'fleet-api', path: 'apps/api', changed: 1, errors: 0, manual: 0, changes: { 'console-to-logger': 1 } },
      { name: '@fleet/worker', slug: 'fleet-worker', path: 'apps/worker', changed: 1, errors: 0, manual: 0, changes: { 'console-to-logger': 1 } },
      // src/logger.ts was scanned and left alone.
      { name: '(root)', slug: 'root', path: '', changed: 0, errors: 0, manual: 0, changes: {} },
    ]);
    const clone = tempTree({});
    git(clone, 'clone', '-q', dir, 'c');
    const c = path.join(clone, 'c');
    const apply = spawnSync('git', ['apply', path.join(dir, 'patches', 'fleet-worker.patch')], { cwd: c, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(read(c, 'apps/worker/src/main.ts')).toContain("logger.info('worker up')");
    expect(read(c, 'apps/api/src/server.ts')).toBe("console.log('api up');\n");
    expect(JSON.parse(read(dir, 'out.sarif')).runs[0].results.map((x: any) => x.ruleId)).toEqual(['console-to-logger', 'console-to-logger']);
    expect(read(dir, 'pr.md')).toContain('| @fleet/api | 1 | 1 | 0 | 0 |');

    fs.rmSync(path.join(dir, 'patches'), { recursive: true });
    for (const f of ['report.json', 'out.sarif', 'pr.md']) fs.rmSync(path.join(dir, f));
    const b = shipshape(dir, [...C2L, '--write', '--branch-per-service', 'shipshape']);
    expect(b.code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'diff', '--name-only', 'main..shipshape/fleet-api').trim()).toBe('apps/api/src/server.ts');
    expect(git(dir, 'show', 'shipshape/fleet-api:apps/api/src/server.ts')).toContain("logger.info('api up')");
  });

  it('--write --commit: one commit per service with only its files', () => {
    const dir = pnpmRepo();
    gitInit(dir);
    const r = shipshape(dir, [...C2L, '--write', '--commit']);
    expect(r.code).toBe(0);
    expect(git(dir, 'log', '--format=%s', '-2').trim().split('\n')).toEqual(['chore(@fleet/worker): console-to-logger', 'chore(@fleet/api): console-to-logger']);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('apps/worker/src/main.ts');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
