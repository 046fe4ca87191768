import type { ProcessedFile } from '../engine/process-file';
import type { FleetModel } from '../fleet/types';
import type { Options, PathManualItem, Transform } from '../types';

/**
 * Each transform's run-level checks (`finalize`: a probe no route serves) from what its files
 * recorded, then the records are released. They read the records and the fleet model only, never
 * what verification or the writes decide, so they run as soon as the transforms are done: on a
 * large monorepo the records are every route of every file (10 MB at 16k files), which otherwise
 * stayed live through verification, the run's peak of memory (issue 14).
 */
export function finalizeRun(results: ProcessedFile[], selected: readonly Transform[], options: Record<string, Options>, fleet: FleetModel): PathManualItem[] {
  const items: PathManualItem[] = [];
  for (const t of selected) {
    if (!t.finalize) continue;
    const records = results.flatMap((r) => (r.records[t.name] ?? []).map((data) => ({ relPath: r.relPath, path: r.path, data })));
    items.push(...t.finalize(records, options[t.name], fleet));
  }
  for (const r of results) r.records = {};
  return items;
}
