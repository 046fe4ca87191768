import path from 'node:path';
import { resolveOptions } from '../../src/config/options';
import { transformFile } from '../../src/engine/transform-file';
import { folderServiceOf } from '../../src/fleet/deploy-sites';
import type { FileRole, FleetModel, ServiceModel } from '../../src/fleet/types';
import { makeService } from './service';
import type { FileRecord, Options, PathManualItem, Transform } from '../../src/types';

/**
 * Hand-built fleet models for transform tests that decide per service: only the fields a test
 * names, the rest empty, as the fleet builder would leave them for a bare folder.
 */
export function serviceModel(root: string, rel: string, over: Partial<ServiceModel> = {}): ServiceModel {
  const dir = rel ? path.posix.join(root, rel) : root;
  const spec = { name: rel || '(root)', slug: (rel || 'root').replace(/\W+/g, '-'), rel, dir, language: 'javascript', moduleSystem: 'commonjs', sourceRoot: path.posix.join(dir, 'src') } as const;
  return makeService({ ...spec, ...over }, dir);
}

export function fleetModel(root: string, services: ServiceModel[], roles: Record<string, FileRole>): FleetModel {
  const abs = Object.fromEntries(Object.entries(roles).map(([rel, role]) => [path.posix.join(root, rel), role]));
  return { root, services, roles: abs, roleReasons: {}, buildMs: 0 };
}

export interface TreeOutcome {
  /** Every file after the run, generated ones included (path relative to the root → text). */
  out: Record<string, string>;
  /** Manual items of each file's own step, by relative path. */
  manual: Record<string, { line: number; message: string }[]>;
  /** What finalize reported. */
  items: PathManualItem[];
  generated: string[];
}

/**
 * One transform over an in-memory tree with a fleet model, the way the runner does it: prepare and
 * generate once per service (with `ctx.service` and the whole fleet), each file with its service's
 * options, then finalize over every file's records.
 */
export async function migrateTree(transform: Transform, root: string, files: Record<string, string>, fleet: FleetModel, given: Options = {}): Promise<TreeOutcome> {
  const rel = (abs: string) => path.posix.relative(root, abs);
  const read = (abs: string) => {
    const text = files[rel(abs)];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${abs}`), { code: 'ENOENT' });
    return text;
  };
  const base = resolveOptions(transform, given, 'test');
  const byService = new Map<ServiceModel, string[]>();
  const serviceOf = (abs: string) => {
    const dir = folderServiceOf(fleet.services.map((s) => s.dir), abs);
    return fleet.services.find((s) => s.dir === dir) ?? fleet.services[fleet.services.length - 1];
  };
  for (const f of Object.keys(files)) {
    const s = serviceOf(`${root}/${f}`);
    byService.set(s, [...(byService.get(s) ?? []), `${root}/${f}`]);
  }
  const options = new Map<ServiceModel, Options>();
  const out: Record<string, string> = { ...files };
  const generated: string[] = [];
  for (const [service, own] of byService) {
    const ctx = { cwd: root, root, files: own, options: base, read, service, fleet };
    const prepared = transform.prepare ? await transform.prepare(ctx) : base;
    options.set(service, prepared);
    for (const g of transform.generate?.({ ...ctx, options: prepared }) ?? []) {
      if (files[rel(g.path)] !== undefined) continue;
      out[rel(g.path)] = g.content;
      generated.push(rel(g.path));
    }
  }
  const manual: TreeOutcome['manual'] = {};
  const records: FileRecord[] = [];
  for (const [f, source] of Object.entries(files)) {
    const abs = `${root}/${f}`;
    const r = transformFile({ path: abs, relPath: f, root, source }, [transform], { [transform.name]: options.get(serviceOf(abs)) ?? base });
    if (r.error) throw new Error(`${f}: ${r.error}`);
    out[f] = r.output ?? source;
    if (r.manual.length) manual[f] = r.manual.map(({ line, message }) => ({ line, message }));
    for (const data of r.records[transform.name] ?? []) records.push({ relPath: f, path: abs, data });
  }
  return { out, manual, items: transform.finalize?.(records, base, fleet) ?? [], generated };
}
