import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '../report/types';
import { slugOf } from '../fleet/services';

/**
 * Writes one `<slug>.patch` per service with changes into `dir` (created if missing): the diffs of
 * that service's files only, so each applies on its own with `git apply`. Returns the files written.
 */
export function writePatchDir(dir: string, report: Report, patches: { path: string; patch: string }[]): string[] {
  const serviceOf = new Map(report.files.map((f) => [f.path, f.service ?? '(root)']));
  const grouped = new Map<string, string[]>();
  for (const p of patches) {
    const service = serviceOf.get(p.path) ?? '(root)';
    if (!grouped.has(service)) grouped.set(service, []);
    grouped.get(service)!.push(p.patch);
  }
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  // report.services holds the unique slugs (two names can share a plain one).
  const slugs = new Map((report.services ?? []).map((s) => [s.name, s.slug]));
  for (const [service, diffs] of grouped) {
    const file = path.join(dir, `${slugs.get(service) ?? slugOf(service)}.patch`);
    fs.writeFileSync(file, diffs.join(''));
    written.push(file);
  }
  return written.sort();
}
