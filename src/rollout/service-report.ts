import type { FileReport, ServiceReport } from '../report/types';
import type { Service } from '../fleet/services';

/**
 * The counts of each covered service the run scanned files of (or reports a file of), in discovery
 * order: a service whose files the paths or excludes left out is not listed.
 */
export function serviceReports(files: FileReport[], services: Service[], scanned: Set<Service>): ServiceReport[] {
  const out = services.map((s): ServiceReport => ({ name: s.name, slug: s.slug, path: s.rel, changed: 0, errors: 0, manual: 0, changes: {} }));
  const byName = new Map(out.map((s) => [s.name, s]));
  const seen = new Set<string>();
  for (const f of files) {
    const s = f.service ? byName.get(f.service) : undefined;
    if (!s) continue;
    seen.add(s.name);
    if (f.status === 'changed') s.changed++;
    if (f.status === 'error') s.errors++;
    s.manual += f.manual.length;
    for (const [name, n] of Object.entries(f.changes)) s.changes[name] = (s.changes[name] ?? 0) + n;
  }
  return out.filter((r, i) => scanned.has(services[i]) || seen.has(r.name));
}
