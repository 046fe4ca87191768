import path from 'node:path';
import type { Transform } from '../types';
import { acceptsRole } from './roles';
import type { FileRole, FleetModel } from './types';

/** A file some selected AST transforms leave alone because of its role. */
export interface RoleSkip {
  path: string;
  relPath: string;
  role: FileRole;
  reason: string;
  /** The transforms that skip it. */
  transforms: string[];
  /** Every selected AST transform skips it: the file is not processed at all. */
  all: boolean;
}

export function roleSkipsOf(files: string[], selected: Transform[], fleet: FleetModel, rel: (abs: string) => string): RoleSkip[] {
  const ast = selected.filter((t) => t.ast);
  const skips: RoleSkip[] = [];
  for (const abs of files) {
    const role = fleet.roles[abs];
    // Only code files have a role (by extension, or as an entry script).
    if (!role) continue;
    const skipping = ast.filter((t) => !acceptsRole(t.ast!.roles, role));
    if (skipping.length === 0) continue;
    skips.push({
      path: abs,
      relPath: rel(abs),
      role,
      reason: fleet.roleReasons[abs] ?? '',
      transforms: skipping.map((t) => t.name),
      all: skipping.length === ast.length,
    });
  }
  return skips;
}

/** --verbose lines: each file left alone for its role, with the role and why it has it. */
export function formatRoleSkips(skips: RoleSkip[]): string[] {
  return skips.map((s) => `role ${s.role}: ${s.relPath} (${s.reason}), not changed by ${s.all ? 'any selected transform' : s.transforms.join(', ')}`);
}

/** What --verbose says about the model: its cost, then the files left alone for their role. */
/** Which logger each Node service's console calls go to, and why shipshape believes it is one. */
export function formatLoggers(fleet: FleetModel, configured?: string): string[] {
  return fleet.services
    .filter((s) => s.isNode && s.roleCounts && Object.keys(s.roleCounts).length > 0)
    .map((s) => {
      const l = s.facts.logger;
      const where = s.rel || '.';
      const own = s.transforms?.['console-to-logger']?.import ?? configured;
      if (typeof own === 'string') return `  ${s.name} (${where}): logger from ${own}, as the config sets (console-to-logger import; the config wins over the model${l ? `, which found ${l.library} in ${path.isAbsolute(l.module) ? path.relative(fleet.root, l.module) : l.module}` : ''})`;
      if (!l) return `  ${s.name} (${where}): no logger found; console-to-logger scaffolds one in ${path.relative(fleet.root, s.sourceRoot) || '.'} unless the config names one`;
      const module = path.isAbsolute(l.module) ? path.relative(fleet.root, l.module) : l.module;
      return `  ${s.name} (${where}): logger ${l.library} from ${module} (${l.exportName}): ${l.why}`;
    });
}

export function formatFleetVerbose(fleet: FleetModel, skips: RoleSkip[], configuredLogger?: string): string[] {
  const services = fleet.services.filter((s) => s.roleCounts && Object.keys(s.roleCounts).length > 0).length;
  return [`fleet model: ${fleet.services.length} services (${services} with files in this run), built in ${Math.round(fleet.buildMs)} ms`, ...formatLoggers(fleet, configuredLogger), ...formatRoleSkips(skips)];
}
