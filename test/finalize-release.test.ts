import { describe, expect, it } from 'vitest';
import type { ProcessedFile } from '../src/engine/process-file';
import type { FleetModel } from '../src/fleet/types';
import { finalizeRun } from '../src/runner/finalize';
import type { Transform } from '../src/types';

/**
 * Issue 14 (peak memory): the records files keep for a transform's `finalize` (every route of
 * every file) are turned into the run's manual items right after the transforms and released, so
 * they are not live while verification builds its programs.
 */
function result(path: string, routes: string[]): ProcessedFile {
  return { path: `/r/${path}`, relPath: path, status: 'unchanged', changes: {}, manual: [], records: { probes: routes.map((r) => ({ route: r })) } };
}

const probes = {
  name: 'probes',
  finalize: (records) => records.filter((r) => (r.data as { route: string }).route === '/healthz').map((r) => ({ transform: 'probes', path: r.path, line: 1, message: `${r.relPath} serves /healthz` })),
} as Transform;

describe('finalizeRun', () => {
  it("returns each finalize's items from every file's records, then releases the records", () => {
    const results = [result('a.js', ['/healthz', '/x']), result('b.js', ['/y']), result('c.js', ['/healthz'])];
    const items = finalizeRun(results, [probes, { name: 'other' } as Transform], { probes: {} }, { services: [] } as unknown as FleetModel);
    expect(items.map((i) => i.message)).toEqual(['a.js serves /healthz', 'c.js serves /healthz']);
    expect(results.map((r) => r.records)).toEqual([{}, {}, {}]);
  });
});
