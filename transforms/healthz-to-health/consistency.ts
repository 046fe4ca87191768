import path from 'node:path';
import type { FileRecord, Options, PathManualItem } from '../../src/types';
import { segments } from './paths';

/** A route a JS/TS file serves after the run. `prefix` routes (`use`, mounts) serve paths below them too. */
export type RouteRecord =
  | { kind: 'route'; path: string; line: number; prefix?: boolean }
  | { kind: 'route'; regex: string; line: number };

/** A path a deployment file probes after the run; `folder` (relative to the file's folder) names the service when the file says (compose `build`). */
export interface ProbeRecord {
  kind: 'probe';
  path: string;
  line: number;
  what: string;
  folder?: string;
}

/** A test request or probe left on the old path because its service's route stays (or is not found). */
export interface HeldRecord {
  kind: 'held';
  service: string;
  line: number;
  what: string;
}

/** A route of runtime code that stays on the old path, and why (a class field, a keep comment, a clash). */
export interface StuckRecord {
  kind: 'stuck';
  service?: string;
  line: number;
  why: string;
}

export type HealthRecord = RouteRecord | ProbeRecord | HeldRecord | StuckRecord;

function isParam(segment: string): boolean {
  return segment.startsWith(':') || segment === '*' || segment.startsWith('{') || segment === '(.*)';
}

/**
 * Whether a route can answer the probe. The mount prefix of a router or a global prefix is not
 * known per file, so a route serves every probe path that ends with its segments; a prefix route
 * (`app.use('/health', router)`) serves every probe path that contains its segments.
 */
export function serves(route: RouteRecord, probePath: string): boolean {
  const probe = segments(probePath);
  if ('regex' in route) {
    let re: RegExp;
    try {
      re = new RegExp(route.regex);
    } catch {
      return true;
    }
    for (let i = 0; i <= probe.length; i++) if (re.test('/' + probe.slice(i).join('/'))) return true;
    return false;
  }
  const r = segments(route.path);
  const same = (a: string, b: string) => isParam(a) || a === b;
  if (r.length === 0) return probe.length === 0 || !!route.prefix;
  for (let start = 0; start + r.length <= probe.length; start++) {
    const fits = r.every((s, i) => same(s, probe[start + i]));
    if (!fits) continue;
    if (route.prefix || start + r.length === probe.length) return true;
  }
  return false;
}

function folderOf(relPath: string): string {
  const d = path.posix.dirname(relPath);
  return d === '.' ? '' : d;
}

/**
 * Run-level check: a probe whose path no route of its service serves. A probe's service is the
 * nearest folder, from the probe file's own (or the compose `build` context) upward, that holds
 * routes; when no route was seen at all there is nothing to compare with and nothing is reported.
 */
export function checkProbes(records: FileRecord[], options: Options, transform: string): PathManualItem[] {
  const routes: { relPath: string; route: RouteRecord }[] = [];
  const probes: { record: FileRecord; probe: ProbeRecord }[] = [];
  for (const r of records) {
    const data = r.data as HealthRecord;
    if (data?.kind === 'route') routes.push({ relPath: r.relPath, route: data });
    else if (data?.kind === 'probe') probes.push({ record: r, probe: data });
  }
  // Every folder above a route file lists the routes below it: one pass, then a lookup per probe.
  const below = new Map<string, typeof routes>();
  for (const r of routes) {
    for (let f: string | null = folderOf(r.relPath); f !== null; f = f === '' ? null : folderOf(f)) {
      const list = below.get(f);
      if (list) list.push(r);
      else below.set(f, [r]);
    }
  }
  const items: PathManualItem[] = [];
  for (const { record, probe } of probes) {
    let folder = folderOf(record.relPath);
    if (probe.folder) folder = path.posix.normalize(path.posix.join(folder, probe.folder)).replace(/^\.$|\/$/g, '');
    let service: typeof routes = [];
    for (let f: string | null = folder; f !== null; f = f === '' ? null : folderOf(f)) {
      service = below.get(f) ?? [];
      if (service.length > 0) {
        folder = f;
        break;
      }
    }
    if (service.length === 0) continue;
    if (service.some((r) => serves(r.route, probe.path))) continue;
    const seen = [...new Set(service.map((r) => ('regex' in r.route ? `/${r.route.regex}/` : r.route.path)))].sort().slice(0, 8);
    items.push({
      path: record.path,
      transform,
      line: probe.line,
      message: `${probe.what} probes ${probe.path}, but no route under ${folder || 'the project'} serves it (routes seen: ${seen.join(', ')}); point the probe at a served path or add the route${options.to && probe.path !== options.to ? ` (the health path is ${options.to})` : ''}`,
    });
  }
  return items;
}

/**
 * One manual item per service whose route stays on the old path: at the route, naming why it stays
 * and every test request and probe left with it; where no route names the old path at all, at the
 * first of them.
 */
export function heldItems(records: FileRecord[], options: Options, transform: string): PathManualItem[] {
  const byService = new Map<string, { held: { record: FileRecord; data: HeldRecord }[]; stuck: { record: FileRecord; data: StuckRecord }[] }>();
  const entry = (service: string) => {
    let e = byService.get(service);
    if (!e) byService.set(service, (e = { held: [], stuck: [] }));
    return e;
  };
  for (const record of records) {
    const data = record.data as HealthRecord;
    if (data?.kind === 'held') entry(data.service).held.push({ record, data });
    else if (data?.kind === 'stuck' && data.service) entry(data.service).stuck.push({ record, data });
  }
  const items: PathManualItem[] = [];
  for (const [service, { held, stuck }] of byService) {
    const list = held.map((h) => `${h.record.relPath}:${h.data.line} (${h.data.what})`);
    const left = list.length > 0 ? `; left on ${options.from} with it, so they keep passing: ${list.join(', ')}` : '';
    if (stuck.length > 0) {
      const first = stuck[0];
      const also = stuck.slice(1).map((s) => `${s.record.relPath}:${s.data.line}`);
      items.push({
        path: first.record.path,
        transform,
        line: first.data.line,
        message: `${first.data.why}${also.length ? ` (also ${also.join(', ')})` : ''}${left}; once the route serves ${options.to}, run shipshape again to move them`,
      });
    } else if (held.length > 0) {
      const first = held[0];
      items.push({
        path: first.record.path,
        transform,
        line: first.data.line,
        message: `no runtime code of the service in ${path.basename(service) || service} registers ${options.from}, so its tests and probes stay on it: ${list.join(', ')}; find what serves ${options.from} (a library, a computed path) and move it to ${options.to} first`,
      });
    }
  }
  return items;
}
