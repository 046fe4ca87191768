import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMarkdown } from '../src/rollout/markdown';
import { writePatchDir } from '../src/rollout/patch-dir';
import { formatSarif } from '../src/rollout/sarif';
import { formatSummary, PLAIN } from '../src/report/summary';
import { execute, type RunOptions } from '../src/runner/run';
import { UsageError } from '../src/types';
import { TRANSFORMS } from '../transforms';
import { git, gitInit, read, tempTree, writeTree } from './helpers/cli';
import { registerTestTransform, workspaceRepo } from './helpers/rollout';

beforeAll(() => registerTestTransform());

const T = ['rollout-test'];
const runIn = (cwd: string, extra: RunOptions = {}) => execute({ cwd, transforms: T, jobs: 1, format: false, ...extra });

describe('rollout: execute() by service', () => {
  it('tags every file with its service and reports per service', async () => {
    const dir = workspaceRepo();
    const { report } = await runIn(dir);
    expect(report.files.map((f) => [f.path, f.service])).toEqual([
      ['scripts/build.js', '(root)'],
      ['services/billing/index.js', 'billing'],
      ['services/orders/src/app.js', 'orders'],
      ['services/payments/src/app.js', '@acme/payments'],
      ['services/payments/src/db.js', '@acme/payments'],
    ]);
    // Each service also carries its verification section (test/verify.test.ts covers it).
    expect(report.services!.map(({ verification, ...rest }) => rest)).toEqual([
      { name: 'billing', slug: 'billing', path: 'services/billing', changed: 1, errors: 0, manual: 0, changes: { 'rollout-test': 1 } },
      { name: 'orders', slug: 'orders', path: 'services/orders', changed: 1, errors: 0, manual: 1, changes: { 'rollout-test': 1 } },
      { name: '@acme/payments', slug: 'acme-payments', path: 'services/payments', changed: 2, errors: 0, manual: 0, changes: { 'rollout-test': 3 } },
      { name: '(root)', slug: 'root', path: '', changed: 1, errors: 0, manual: 0, changes: { 'rollout-test': 1 } },
    ]);
    // A service none of whose files the run scanned is not listed; one with only unchanged files is.
    writeTree(dir, { 'services/billing/index.js': "logger.info('bill');\n" });
    const part = await runIn(dir, { paths: ['services/billing', 'services/orders'] });
    expect(part.report.services!.map((s) => [s.name, s.changed])).toEqual([
      ['billing', 0],
      ['orders', 1],
    ]);
  });

  it('per-service overrides from the config merge over the top-level options', async () => {
    const dir = tempTree({
      'shipshape.config.json': JSON.stringify({
        transforms: { 'rollout-test': { call: 'log.info' } },
        services: [
          { name: 'payments', path: 'services/payment-service', transforms: { 'rollout-test': { call: 'payLogger.info' } } },
          { name: 'orders', path: 'services/orders' },
        ],
      }),
      'services/payment-service/a.js': "console.log('p');\n",
      'services/orders/a.js': "console.log('o');\n",
      'a.js': "console.log('r');\n",
    });
    const { patches, report } = await runIn(dir);
    const diff = patches.map((p) => p.patch).join('');
    expect(diff).toContain("+payLogger.info('p');");
    expect(diff).toContain("+log.info('o');");
    expect(diff).toContain("+log.info('r');");
    expect(report.services!.map((s) => s.name)).toEqual(['payments', 'orders', '(root)']);
  });

  it('run-level prepare hooks see one service at a time; a service they cannot decide for is one manual item and the others are migrated', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ workspaces: ['apps/*'] }),
      'shipshape.config.json': JSON.stringify({ transforms: { 'rollout-test': { call: 'detect' } } }),
      'apps/a/package.json': '{"name":"a"}',
      'apps/a/log.js': '// call: aLog.info\n',
      'apps/a/index.js': "console.log('a');\n",
      'apps/b/package.json': '{"name":"b"}',
      'apps/b/log.js': '// call: bLog.info\n',
      'apps/b/index.js': "console.log('b');\n",
      'apps/c/package.json': '{"name":"c"}',
      'apps/c/README.md': 'no code here\n',
    });
    const diff = (await runIn(dir)).patches.map((p) => p.patch).join('');
    expect(diff).toContain("+aLog.info('a');");
    expect(diff).toContain("+bLog.info('b');");
    writeTree(dir, { 'apps/c/index.js': "console.log('c');\n" });
    const second = await runIn(dir);
    expect(second.exitCode).toBe(0);
    const joined = second.patches.map((p) => p.patch).join('');
    expect(joined).toContain("+aLog.info('a');");
    expect(joined).not.toContain('apps/c/index.js');
    const c = second.report.files.find((f) => f.path === 'apps/c/package.json')!;
    expect(c.manual).toEqual([{ transform: 'rollout-test', line: 0, message: 'service c (apps/c): rollout-test was not applied (its other transforms were): rollout-test: no file has a `// call:` comment' }]);
  });

  it('a bad option in a service override names the service entry', async () => {
    const dir = tempTree({
      'shipshape.config.json': JSON.stringify({ services: [{ name: 'p', path: 'p', transforms: { 'rollout-test': { call: 3 } } }] }),
      'p/a.js': "console.log('p');\n",
    });
    await expect(runIn(dir)).rejects.toThrow(/services\[0\]\.transforms\["rollout-test"\]/);
  });

  it('--service limits the run to the named services (globs allowed)', async () => {
    const dir = workspaceRepo();
    const { report } = await runIn(dir, { services: ['@acme/*', 'billing'] });
    expect(report.files.map((f) => f.path)).toEqual(['services/billing/index.js', 'services/payments/src/app.js', 'services/payments/src/db.js']);
    expect(report.services!.map((s) => s.name)).toEqual(['billing', '@acme/payments']);
    expect(report.summary.files).toBe(3);
    await expect(runIn(dir, { services: ['nope'] })).rejects.toBeInstanceOf(UsageError);
  });

  it('--shard: the shards together cover every file once', async () => {
    const dir = workspaceRepo();
    const full = (await runIn(dir)).report.files.map((f) => f.path);
    const shards = await Promise.all([1, 2, 3].map(async (i) => (await runIn(dir, { shard: `${i}/3` })).report.files.map((f) => f.path)));
    const all = shards.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(full);
    expect(shards.every((s) => s.length > 0)).toBe(true);
    await expect(runIn(dir, { shard: '4/3' })).rejects.toThrow(/--shard 4\/3/);
  });

  it('the summary becomes a table by service; one service keeps the plain summary', async () => {
    const dir = workspaceRepo();
    const text = formatSummary((await runIn(dir)).report, PLAIN);
    expect(text).toContain(
      [
        '  service         would change  rollout-test  manual  errors',
        '  --------------  ------------  ------------  ------  ------',
        '  billing                    1             1       0       0',
        '  orders                     1             1       1       0',
        '  @acme/payments             2             3       0       0',
        '  (root)                     1             1       0       0',
        '  --------------  ------------  ------------  ------  ------',
        '  total                      5             6       1       0',
      ].join('\n'),
    );
    const single = formatSummary((await runIn(dir, { services: ['orders'] })).report, PLAIN);
    expect(single).toContain('  rollout-test  1 change');
    expect(single).not.toContain('service ');
  });
});

describe('rollout: outputs', () => {
  it('Markdown: the table, then manual items and errors by service', async () => {
    const dir = workspaceRepo({ 'services/billing/broken.js': 'console.log(;\n' });
    const md = formatMarkdown((await runIn(dir)).report);
    expect(md).toContain('| service | would change | rollout-test | manual | errors |\n| --- | ---: | ---: | ---: | ---: |\n| billing | 1 | 1 | 0 | 1 |');
    expect(md).toContain('| **total** | **5** | **6** | **1** | **1** |');
    expect(md).toContain('### Manual review\n\n**orders**\n\n- [ ] `services/orders/src/app.js:2` (rollout-test): console.table has no logger equivalent');
    expect(md).toMatch(/### Errors\n\n- `services\/billing\/broken\.js` \(billing\): /);
  });

  it('SARIF 2.1.0: one result per pending change and per manual item, rule = transform, file and line', async () => {
    const dir = workspaceRepo({ 'services/orders/src/long.js': ['a();', 'b();', 'c();', 'd();', 'e();', 'f();', 'g();', 'h();', "console.log('late');", ''].join('\n') });
    const outcome = await runIn(dir);
    const sarif: any = formatSarif({ report: outcome.report, patches: outcome.patches, transforms: TRANSFORMS, toolVersion: '0.1.0', prefix: '' });
    checkSarifShape(sarif);
    const results = sarif.runs[0].results;
    const at = (uri: string) => results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === uri);
    expect(at('services/orders/src/long.js')).toMatchObject([{ ruleId: 'rollout-test', level: 'note', locations: [{ physicalLocation: { region: { startLine: 9 } } }] }]);
    expect(at('services/orders/src/app.js').map((r: any) => [r.level, r.locations[0].physicalLocation.region.startLine])).toEqual([
      ['note', 1],
      ['warning', 2],
    ]);
    // db.js: two adjacent rewrites make one hunk, so one result.
    expect(at('services/payments/src/db.js')).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.rules).toEqual([{ id: 'rollout-test', name: 'rollout-test', shortDescription: { text: 'test transform: console.log → a configurable call' } }]);
    expect(results.every((r: any) => r.ruleIndex === 0)).toBe(true);
    // Run from a subfolder, URIs still start at the repository root.
    const nested: any = formatSarif({ report: outcome.report, patches: outcome.patches, transforms: TRANSFORMS, toolVersion: '0.1.0', prefix: 'monorepo/' });
    expect(nested.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('monorepo/scripts/build.js');
  });

  it('--patch-dir: one patch per service, each applying on its own on a fresh clone', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    const outcome = await runIn(dir);
    const out = path.join(tempTree({}), 'patches');
    const written = writePatchDir(out, outcome.report, outcome.patches);
    expect(written.map((f) => path.basename(f))).toEqual(['acme-payments.patch', 'billing.patch', 'orders.patch', 'root.patch']);
    for (const file of written) {
      const clone = path.join(tempTree({}), 'c');
      git(path.dirname(clone), 'clone', '-q', dir, 'c');
      const res = spawnSync('git', ['apply', file], { cwd: clone, encoding: 'utf8' });
      expect(res.stderr).toBe('');
      const changed = git(clone, 'diff', '--name-only').trim().split('\n');
      const service = path.basename(file, '.patch');
      const expected = { 'acme-payments': ['services/payments/src/app.js', 'services/payments/src/db.js'], billing: ['services/billing/index.js'], orders: ['services/orders/src/app.js'], root: ['scripts/build.js'] }[service];
      expect(changed).toEqual(expected);
    }
    expect(fs.readFileSync(path.join(out, 'orders.patch'), 'utf8')).toContain("+logger.info('orders');");
  });
});

describe('rollout: git', () => {
  it('--commit: one commit per service with its files only, message chore(<service>): <transforms> plus its summary', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    // With --allow-dirty, something the user staged stays staged and out of the rollout commits.
    writeTree(dir, { 'notes.txt': 'mine\n' });
    git(dir, 'add', 'notes.txt');
    const { report, exitCode } = await runIn(dir, { mode: 'write', commit: true, allowDirty: true });
    expect(exitCode).toBe(0);
    const log = git(dir, 'log', '--format=%s', '-5').trim().split('\n');
    expect(log).toEqual(['chore(root): rollout-test', 'chore(@acme/payments): rollout-test', 'chore(orders): rollout-test', 'chore(billing): rollout-test', 'initial']);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD~1').trim().split('\n')).toEqual(['services/payments/src/app.js', 'services/payments/src/db.js']);
    const body = git(dir, 'log', '-1', '--format=%B', 'HEAD~2');
    expect(body).toContain('shipshape: 1 file changed in services/orders\n  rollout-test  1 change');
    expect(body).toContain('manual review: 1 item\n  services/orders/src/app.js:2  rollout-test  console.table');
    expect(git(dir, 'status', '--porcelain').trim()).toBe('A  notes.txt');
    expect(report.services!.every((s) => /^[0-9a-f]{40}$/.test(s.commit!))).toBe(true);
  });

  it('--branch-per-service: a branch per service from HEAD holding only its changes; the current branch and working tree stay as they were', async () => {
    const dir = workspaceRepo({ 'services/orders/run.sh': '#!/bin/sh\n' });
    fs.chmodSync(path.join(dir, 'services/payments/src/app.js'), 0o755);
    gitInit(dir);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const { report } = await runIn(dir, { mode: 'write', branchPerService: 'shipshape' });
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(read(dir, 'services/orders/src/app.js')).toBe("console.log('orders');\nconsole.table(rows);\n");
    expect(git(dir, 'branch', '--format=%(refname:short)').trim().split('\n').sort()).toEqual([
      'main',
      'shipshape/acme-payments',
      'shipshape/billing',
      'shipshape/orders',
      'shipshape/root',
    ]);
    const files = (b: string) => git(dir, 'diff', '--name-only', `main..${b}`).trim().split('\n');
    expect(files('shipshape/acme-payments')).toEqual(['services/payments/src/app.js', 'services/payments/src/db.js']);
    expect(files('shipshape/root')).toEqual(['scripts/build.js']);
    expect(git(dir, 'rev-parse', 'shipshape/orders~1').trim()).toBe(head);
    expect(git(dir, 'show', 'shipshape/orders:services/orders/src/app.js')).toBe("logger.info('orders');\nconsole.table(rows);\n");
    expect(git(dir, 'log', '-1', '--format=%s', 'shipshape/acme-payments').trim()).toBe('chore(@acme/payments): rollout-test');
    // The executable bit survives.
    expect(git(dir, 'ls-tree', 'shipshape/acme-payments', 'services/payments/src/app.js')).toMatch(/^100755 /);
    expect(report.services!.find((s) => s.name === 'orders')!.branch).toBe('shipshape/orders');

    // Again: the branches exist now, so nothing is created.
    const again = runIn(dir, { mode: 'write', branchPerService: 'shipshape' });
    await expect(again).rejects.toThrow(/branch shipshape\/billing, shipshape\/orders, shipshape\/acme-payments, shipshape\/root already exists; delete it \(git branch -D .*\) or choose another prefix/);
  });

  it('files a transform creates go to their service: committed with --commit, on the branch with --branch-per-service', async () => {
    // The build script loads the scaffold: a created module nothing imports is not created.
    const dir = workspaceRepo({ 'shipshape.config.json': JSON.stringify({ transforms: { 'rollout-test': { scaffold: true } } }), 'scripts/build.js': "require('../src/generated.js');\nconsole.log('build');\n" });
    gitInit(dir);
    await runIn(dir, { mode: 'write', branchPerService: 'b' });
    expect(fs.existsSync(path.join(dir, 'src/generated.js'))).toBe(false);
    expect(git(dir, 'diff', '--name-only', 'main..b/root').trim().split('\n')).toEqual(['scripts/build.js', 'src/generated.js']);
    expect(git(dir, 'ls-tree', 'b/root', 'src/generated.js')).toMatch(/^100644 blob /);
    await runIn(dir, { mode: 'write', commit: true });
    expect(git(dir, 'show', '--name-only', '--format=%s', 'HEAD').trim()).toBe('chore(root): rollout-test\n\nscripts/build.js\nsrc/generated.js');
  });

  it('a failing commit hook stops --commit and says which services were committed', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    const hook = path.join(dir, '.git/hooks/pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nif git diff --cached --name-only | grep -q orders; then echo "lint failed" >&2; exit 1; fi\n', { mode: 0o755 });
    await expect(runIn(dir, { mode: 'write', commit: true })).rejects.toThrow(
      /^git commit for service orders failed: lint failed; committed so far: billing; the remaining changes are written but not committed$/,
    );
    expect(git(dir, 'log', '--format=%s', '-1').trim()).toBe('chore(billing): rollout-test');
  });

  it('--branch-per-service from a subfolder uses repository paths', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    await runIn(path.join(dir, 'services'), { mode: 'write', branchPerService: 'rollout' });
    expect(git(dir, 'diff', '--name-only', 'main..rollout/orders').trim()).toBe('services/orders/src/app.js');
  });

  it('refuses on a dirty tree (unless --allow-dirty), outside a repository, without --write, and both flags together', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    writeTree(dir, { 'services/orders/src/app.js': "console.log('edited');\n" });
    await expect(runIn(dir, { mode: 'write', commit: true })).rejects.toThrow(/refusing to --write: git shows uncommitted changes in services\/orders\/src\/app\.js/);
    await expect(runIn(dir, { mode: 'write', branchPerService: 'x' })).rejects.toThrow(/uncommitted changes/);
    expect(git(dir, 'branch', '--list', 'x/*')).toBe('');

    await expect(runIn(workspaceRepo(), { mode: 'write', commit: true })).rejects.toThrow(/--commit needs a git repository, and .* is not inside one/);
    await expect(runIn(dir, { mode: 'dry', commit: true })).rejects.toThrow(/--commit needs --write/);
    await expect(runIn(dir, { mode: 'write', commit: true, branchPerService: 'x' })).rejects.toThrow(/cannot be combined/);
    await expect(runIn(dir, { mode: 'write', branchPerService: 'bad..name', allowDirty: true })).rejects.toThrow(/not a valid branch prefix/);
  });

  it('refuses a prefix that is itself a branch, before creating anything', async () => {
    const dir = workspaceRepo();
    gitInit(dir);
    git(dir, 'branch', 'rollout');
    await expect(runIn(dir, { mode: 'write', branchPerService: 'rollout' })).rejects.toThrow(/branch rollout already exists/);
    expect(git(dir, 'branch', '--list', 'rollout/*')).toBe('');
  });
});

/** The parts of the SARIF 2.1.0 schema a code-scanning upload relies on. */
function checkSarifShape(sarif: any): void {
  expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(sarif.version).toBe('2.1.0');
  expect(Array.isArray(sarif.runs)).toBe(true);
  for (const run of sarif.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    for (const rule of run.tool.driver.rules ?? []) {
      expect(typeof rule.id).toBe('string');
      if (rule.shortDescription) expect(typeof rule.shortDescription.text).toBe('string');
    }
    for (const inv of run.invocations ?? []) expect(typeof inv.executionSuccessful).toBe('boolean');
    for (const r of run.results) {
      expect(typeof r.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(r.level);
      expect(typeof r.ruleId).toBe('string');
      if (r.ruleIndex !== undefined) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      for (const loc of r.locations) {
        const phys = loc.physicalLocation;
        expect(typeof phys.artifactLocation.uri).toBe('string');
        expect(phys.artifactLocation.uri).not.toMatch(/^\/|\\/);
        if (phys.region) expect(Number.isInteger(phys.region.startLine) && phys.region.startLine >= 1).toBe(true);
      }
    }
  }
}
