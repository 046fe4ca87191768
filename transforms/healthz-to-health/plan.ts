import path from 'node:path';
import { transformFile } from '../../src/engine/transform-file';
import { deploySites, folderServiceOf, serviceDirAt, type DeploySite } from '../../src/fleet/deploy-sites';
import type { FleetModel } from '../../src/fleet/types';
import type { Options, PrepareContext, Transform } from '../../src/types';

/**
 * One truth per service: a test request, a probe or a deployment file moves to the new path only
 * when the route that serves the old path in the same service moves too. The plan is worked out
 * once per run, in `prepare`, from the fleet model: every runtime file that mentions the old path is
 * run through the transform on its own to learn whether its routes move or stay, and deployment
 * files are tied to services through the compose services and Kubernetes containers the model found.
 */

/** What a service's runtime code does with the old path: renames it, keeps it somewhere, or never names it. */
export type RouteFate = 'moves' | 'stuck' | 'none';

export interface PlannedService {
  dir: string;
  name: string;
  isNode: boolean;
  routes: RouteFate;
}

export interface HealthPlan {
  services: PlannedService[];
  /** Runtime files that mention the old path: they own the route, the rest of their service follows them. */
  owners: string[];
  /** Where a deployment file names the service below it (compose service, k8s container, Dockerfile). */
  sites: DeploySite[];
}

/** What a test request or probe at a place does: follows its moved route, stays with a kept one, or is not ours (a non-Node service). */
export type Verdict = { action: 'rename' } | { action: 'leave' } | { action: 'hold'; service: string };

/** What the owner files record for the plan, next to their routes. */
export type FateRecord = { kind: 'moved'; line: number } | { kind: 'stuck'; line: number; why: string };

const plans = new WeakMap<FleetModel, HealthPlan>();

function lastSegment(options: Options): string {
  return String(options.from).split('/').pop()!;
}

/** The plan of a run, or undefined without a fleet model (a single file, a bare jscodeshift call: everything moves as before). */
export function buildPlan(ctx: PrepareContext, transform: Transform): HealthPlan | undefined {
  const fleet = ctx.fleet;
  if (!fleet) return undefined;
  const cached = plans.get(fleet);
  if (cached) return cached;
  const fates = new Map<string, RouteFate>();
  const owners: string[] = [];
  const segment = lastSegment(ctx.options);
  const analysisOptions = { ...ctx.options, $plan: undefined };
  for (const [file, role] of Object.entries(fleet.roles)) {
    if (role !== 'runtime') continue;
    let source: string;
    try {
      source = ctx.read(file);
    } catch {
      continue;
    }
    if (!source.includes(segment)) continue;
    const relPath = path.relative(ctx.cwd, file).split(path.sep).join('/');
    const result = transformFile({ path: file, relPath, root: ctx.root, source }, [transform], { [transform.name]: analysisOptions });
    const records = (result.records[transform.name] ?? []) as { kind: string }[];
    const stuck = records.some((r) => r.kind === 'stuck');
    const moved = records.some((r) => r.kind === 'moved');
    if (!stuck && !moved) continue;
    owners.push(file);
    const dir = folderServiceOf(fleet.services.map((s) => s.dir), file);
    if (dir === undefined) continue;
    const before = fates.get(dir) ?? 'none';
    fates.set(dir, stuck || before === 'stuck' ? 'stuck' : 'moves');
  }
  const plan: HealthPlan = {
    services: fleet.services.map((s) => ({ dir: s.dir, name: s.name, isNode: s.isNode, routes: fates.get(s.dir) ?? 'none' })),
    owners,
    sites: deploySites(fleet),
  };
  plans.set(fleet, plan);
  return plan;
}

/** The service a place belongs to (see src/fleet/deploy-sites). */
export function serviceAt(plan: HealthPlan, file: string, line: number): PlannedService | undefined {
  const dir = serviceDirAt(plan.sites, plan.services.map((s) => s.dir), file, line);
  return plan.services.find((s) => s.dir === dir);
}

export function verdictAt(plan: HealthPlan | undefined, file: string, line: number): Verdict {
  if (!plan) return { action: 'rename' };
  const service = serviceAt(plan, file, line);
  // A Go, PHP or nginx service serves its own routes: its probes are not shipshape's to move or judge.
  if (!service || !service.isNode) return { action: 'leave' };
  if (service.routes === 'moves') return { action: 'rename' };
  return { action: 'hold', service: service.dir };
}
