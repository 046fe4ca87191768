import path from 'node:path';
import { loadConfig } from '../config/load';
import { buildFleet } from './build';
import type { FleetModel, ServiceModel } from './types';

/** The model `shipshape services` prints: what shipshape believes before anything is written. */
export function fleetFor(cwd: string, configFile?: string): FleetModel {
  return buildFleet(loadConfig(cwd, configFile));
}

const rel = (fleet: FleetModel, p: string) => path.relative(fleet.root, p).split(path.sep).join('/') || '.';

function list(values: string[], none = '-'): string {
  return values.length ? [...new Set(values)].join(', ') : none;
}

/** One row of the table: every cell short enough to read, the full data is in --json. */
function row(fleet: FleetModel, s: ServiceModel): string[] {
  const f = s.facts;
  const shutdown = f.signals.length
    ? list(f.signals.map((h) => `${h.signal}${h.closesServer ? ' closes server' : ''}${h.exitsBeforeClose ? ' (exits before close)' : ''}`))
    : 'none';
  return [
    s.name,
    s.rel || '.',
    s.isNode ? `${s.language === 'typescript' ? 'ts' : 'js'}/${s.moduleSystem === 'esm' ? 'esm' : 'cjs'}` : 'not node',
    list(s.entries.map((e) => `${rel(fleet, e.file)} (${e.from})`)),
    list(f.apps.map((a) => `${a.framework}${a.listens ? '' : ' (no listen)'}`)),
    f.logger ? `${f.logger.library} ${rel(fleet, f.logger.module).replace(/^\.$/, f.logger.module)}` : 'none',
    list(f.correlation.map((c) => c.mechanism), 'none'),
    shutdown,
    list(f.resources.map((r) => r.kind)),
    list(Object.entries(s.roleCounts).map(([role, n]) => `${role} ${n}`)),
  ];
}

const HEADER = ['service', 'folder', 'lang', 'entry points', 'apps', 'logger', 'correlation', 'shutdown', 'resources', 'files by role'];

export function formatServicesTable(fleet: FleetModel): string {
  const rows = [HEADER, ...fleet.services.filter((s) => s.isNode || s.rel === '').map((s) => row(fleet, s))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `${lines.join('\n')}\n\nfleet model built in ${Math.round(fleet.buildMs)} ms; --json for every fact with its file and line\n`;
}
