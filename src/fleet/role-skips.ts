import { isJsLike } from '../engine/parser';
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
    if (!role || !isJsLike(abs)) continue;
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
export function formatFleetVerbose(fleet: FleetModel, skips: RoleSkip[]): string[] {
  const services = fleet.services.filter((s) => s.roleCounts && Object.keys(s.roleCounts).length > 0).length;
  return [`fleet model: ${fleet.services.length} services (${services} with files in this run), built in ${Math.round(fleet.buildMs)} ms`, ...formatRoleSkips(skips)];
}
