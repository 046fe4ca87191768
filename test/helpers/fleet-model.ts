import path from 'node:path';
import type { FileRole, FleetModel, ServiceModel } from '../../src/fleet/types';

/**
 * Hand-built fleet models for transform tests that decide per service: only the fields a test
 * names, the rest empty, as the fleet builder would leave them for a bare folder.
 */
export function serviceModel(root: string, rel: string, over: Partial<ServiceModel> = {}): ServiceModel {
  const dir = rel ? path.posix.join(root, rel) : root;
  return {
    name: rel || '(root)',
    slug: (rel || 'root').replace(/\W+/g, '-'),
    dir,
    rel,
    isNode: true,
    language: 'javascript',
    moduleSystem: 'commonjs',
    deploy: { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } },
    buildContext: [dir],
    entries: [],
    workspaceDeps: {},
    sourceRoot: path.posix.join(dir, 'src'),
    facts: { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] },
    roleCounts: {},
    ...over,
  };
}

export function fleetModel(root: string, services: ServiceModel[], roles: Record<string, FileRole>): FleetModel {
  const abs = Object.fromEntries(Object.entries(roles).map(([rel, role]) => [path.posix.join(root, rel), role]));
  return { root, services, roles: abs, roleReasons: {}, buildMs: 0 };
}
