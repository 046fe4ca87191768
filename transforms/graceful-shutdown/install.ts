import type { Collection } from 'jscodeshift';
import { ensureImportEdit } from '../../src/ast/edit-imports';
import { insertLineAfter, insertPlacedEdit } from '../../src/ast/edit-placement';
import { claimName } from '../../src/ast/scope';
import { inSemicolonStyle } from '../../src/ast/style';
import { isTypeScript } from '../../src/engine/parser';
import { lifecycleModule } from '../../src/scaffold/lifecycle';
import type { AstContext } from '../../src/types';
import { wrapRegistration, type SigintRegistration } from './handled';
import { handlerCode, type HandlerNames } from './handler';
import { logTarget } from './logger';
import type { Placement } from './placement';
import type { Resource } from './resources';
import type { Timing } from './timing';

/** What one new (or completing) handler drains, closes and registers, and where it goes. */
export interface InstallPlan {
  group: Placement[];
  /** The statement list the handler goes in, and the statement it goes after (null: at the end). */
  body: any[];
  after: any | null;
  resources: Resource[];
  signals: string[];
  timing: Timing;
  /** End upgraded connections through the server: a socket.io server runs where the handler cannot name it. */
  trackUpgrades?: boolean;
  /** Completing an existing handler: the registrations whose handler `shutdown` wraps. */
  wraps?: SigintRegistration[];
  /** Completing a handler of another module: `shutdown` becomes a lifecycle onShutdown step. */
  step?: boolean;
}

/** The top-level statement a nested path sits in: the flag guarding registration goes before it. */
function topLevelIndex(program: any[], statement: any, root: Collection<any>, j: AstContext['j']): number {
  let found = -1;
  root.find(j.Node).filter((p: any) => p.node === statement).forEach((p: any) => {
    let q = p;
    while (q.parent && q.parent.node.type !== 'Program') q = q.parent;
    found = program.indexOf(q.node);
  });
  return found;
}

/** The group's last statement: the handler goes right after it, in the same scope. */
export function lastStatement(group: Placement[]): any {
  return group.map((p) => p.statement).sort((a, b) => group[0].body.indexOf(a) - group[0].body.indexOf(b)).pop();
}

/**
 * Writes the handler after the plan's statement: one `shutdown` function, its registrations (guarded
 * by a module-level flag when the statement list is a function's), and the /ready flip when the run
 * has the lifecycle module. Returns the function's name.
 */
export function insertHandler(root: Collection<any>, ctx: AstContext, plan: InstallPlan): string {
  const { j } = ctx;
  const { group, resources } = plan;
  const servers = group.filter((p) => p.site.kind === 'app' || p.site.kind === 'server').map((p) => p.target!);
  const fastify = group.filter((p) => p.site.kind === 'fastify').map((p) => p.target!);
  const hapi = group.filter((p) => p.site.kind === 'hapi').map((p) => p.target!);
  let log = logTarget(j, root, ctx.facts, ctx.service?.facts.logger);
  if (log.style === 'console' && fastify.length > 0) log = { expr: `${fastify[0]}.log`, style: 'pino' };
  const shutdown = claimName(j, root, 'shutdown');
  const shuttingDown = claimName(j, root, 'shuttingDown');
  const closeIdle = claimName(j, root, 'closeIdle');
  const names: HandlerNames = { shutdown, shuttingDown, closeIdle };
  const program = root.get().node.program.body;
  const body = plan.body;
  const nested = body !== program && !plan.wraps && !plan.step;
  if (plan.trackUpgrades && servers.length === 1) names.upgraded = claimName(j, root, 'upgradedSockets');
  if (nested) names.registered = claimName(j, root, 'shutdownRegistered');
  const lifecycleName = (name: string) => {
    const source = lifecycleModule(ctx.service!).specifierFrom(ctx.path);
    return ensureImportEdit(ctx, root, { source, name, kind: 'named' }).local;
  };
  if (ctx.options.lifecycle && ctx.service && group.some((p) => p.site.kind !== 'nest')) names.markDraining = lifecycleName('markDraining');
  const onShutdown = plan.step && ctx.service ? lifecycleName('onShutdown') : null;
  const code = handlerCode({
    servers,
    fastify,
    hapi,
    resources,
    log,
    names,
    drainDelayMs: plan.timing.drainDelayMs,
    timeoutMs: plan.timing.timeoutMs,
    signals: plan.signals,
    typescript: isTypeScript(ctx.path),
    style: ctx.style,
    wraps: onShutdown ? { onShutdown } : plan.wraps ? 'then' : undefined,
  });
  const after = plan.after ?? body[body.length - 1];
  insertLineAfter(ctx, after, code, true);
  if (nested) {
    const top = topLevelIndex(program, after, root, j);
    // Written in a function callers may run more than once (tests start the server per file).
    insertPlacedEdit(ctx, program, Math.max(top, 0), inSemicolonStyle(`let ${names.registered} = false;`, ctx.style), 'before', { spaced: true });
  }
  for (const reg of plan.wraps ?? []) wrapRegistration(ctx, reg, shutdown);
  return shutdown;
}
