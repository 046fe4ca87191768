import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/types';
import { changedLines, formatReadinessMarkdown, readinessOf } from '../src/review/readiness';
import { shipshape } from './helpers/cli';

const report: Report = {
  version: 1,
  mode: 'dry',
  transforms: ['console-to-logger', 'graceful-shutdown', 'pg-pool-limits'],
  files: [
    { path: 'svc/a/src/app.ts', status: 'changed', changes: { 'console-to-logger': 2 }, manual: [{ transform: 'console-to-logger', line: 9, message: 'console.table is not rewritten' }], service: 'a' },
    { path: 'svc/a/src/db.ts', status: 'changed', changes: { 'pg-pool-limits': 1 }, manual: [], service: 'a' },
    { path: 'svc/b/src/server.ts', status: 'error', changes: {}, manual: [], error: 'syntax error', service: 'b' },
  ],
  summary: { files: 5, changed: 2, errors: 1, skipped: 0, manual: 1, changes: { 'console-to-logger': 2, 'pg-pool-limits': 1 } },
  services: [
    { name: 'a', slug: 'a', path: 'svc/a', changed: 2, errors: 0, manual: 1, changes: {} },
    { name: 'b', slug: 'b', path: 'svc/b', changed: 0, errors: 1, manual: 0, changes: {} },
  ],
};
const patches = [{ path: 'svc/a/src/db.ts', patch: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3,6 +3,7 @@\n a\n b\n c\n+  max: 10,\n d\n e\n f\n' }];

describe('readiness review', () => {
  it('per service: a verdict for every concern, with file:line evidence', () => {
    const [a, b] = readinessOf(report, patches);
    const verdict = (s: typeof a, concern: string) => s.checks.find((c) => c.concern === concern)!;
    expect(verdict(a, 'Console calls').verdict).toBe('open');
    expect(verdict(a, 'Console calls').evidence).toContainEqual({ path: 'svc/a/src/app.ts', line: 9, note: 'console.table is not rewritten' });
    expect(verdict(a, 'Database pool limits').verdict).toBe('fixed');
    expect(verdict(a, 'Database pool limits').evidence[0]).toMatchObject({ path: 'svc/a/src/db.ts', line: 5 });
    expect(verdict(a, 'Graceful shutdown').verdict).toBe('ready');
    expect(verdict(a, 'bcrypt rounds').verdict).toBe('not-checked');
    // A file that could not be migrated keeps every concern of its service open.
    expect(verdict(b, 'Graceful shutdown').verdict).toBe('open');
    const md = formatReadinessMarkdown(report, readinessOf(report, patches));
    expect(md).toContain('### a (`svc/a`)');
    expect(md).toContain('| Console calls | **not ready** |');
    expect(md).toContain('- `svc/a/src/app.ts:9`: console.table is not rewritten');
    expect(md).toContain('| bcrypt rounds | not checked | not checked: run with -t bcrypt-rounds (or -t all) |');
  });

  it('changed lines refer to the file on disk: the original in a dry run, the written file under --write', () => {
    const patch = '@@ -1,3 +1,4 @@\n+import x;\n a\n-b\n+B\n c\n';
    expect(changedLines(patch, 'dry')).toEqual([1, 2]);
    expect(changedLines('@@ -1,2 +1,3 @@\n a\n b\n+c\n', 'dry')).toEqual([2]);
    expect(changedLines(patch, 'write')).toEqual([1, 3]);
  });

  it('a module two transforms create is reported once, credited to the transform that creates it', () => {
    const r = shipshape(path.join(__dirname, '..', 'examples', 'fleet'), ['run', '-t', 'all', '--json', '-', '-q']);
    const files: any[] = JSON.parse(r.stdout).files;
    const paths = files.map((f) => f.path);
    expect(paths.length).toBe(new Set(paths).size);
    const created = files.filter((f) => f.created);
    expect(created.find((f) => f.path.endsWith('/readiness.ts'))?.changes).toEqual({ 'readiness-probe': 1 });
    expect(created.find((f) => f.path.endsWith('/lifecycle.ts'))?.changes).toEqual({ 'graceful-shutdown': 1 });
  });

  it('shipshape report prints the review of every service of the example fleet', () => {
    const r = shipshape(path.join(__dirname, '..', 'examples', 'fleet'), ['report']);
    expect(r.code, r.stderr).toBe(0);
    for (const s of ['api-gateway', 'booking-service', 'payment-service']) expect(r.stdout).toContain(`### ${s} (\`services/${s}\`)`);
    expect(r.stdout).toMatch(/\| Graceful shutdown \| gap closed by this run \|/);
    expect(r.stdout).toMatch(/`services\/[\w/.-]+:\d+`/);
  });
});
