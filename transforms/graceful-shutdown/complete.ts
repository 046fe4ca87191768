import type { Collection } from 'jscodeshift';
import { ensureImportEdit } from '../../src/ast/edit-imports';
import { insertLineAfter } from '../../src/ast/edit-placement';
import { findImport } from '../../src/ast/imports';
import { claimName, lineOf } from '../../src/ast/scope';
import { inSemicolonStyle, quoteString } from '../../src/ast/style';
import type { ServiceModel, SignalHandlerFact } from '../../src/fleet/types';
import type { AstContext } from '../../src/types';
import { isWrapped, signalParam, signalRegistrations, wrapRegistration, type SigintRegistration } from './handled';
import { insertHandler, lastStatement } from './install';
import { keepResult, type Placement } from './placement';
import { canWrap, closesName, closesResource, remoteWraps, where, type ProcessView } from './process-view';
import { reachableFacts, unreachableSocketIo } from './reach';
import { findResources, isVisibleAt, type Resource } from './resources';
import type { Timing } from './timing';
import { lifecycleModule } from '../../src/scaffold/lifecycle';

function withReachable(j: AstContext['j'], root: Collection<any>, ctx: AstContext, service: ServiceModel): Resource[] {
  const local = findResources(j, root);
  return [...local, ...reachableFacts(j, root, ctx, service, local)];
}

/** The registration call a handler fact points at, when it is a plain `process.on(signal, handler)` statement. */
function registrationOf(root: Collection<any>, ctx: AstContext, fact: SignalHandlerFact): SigintRegistration | null {
  const regs = signalRegistrations(ctx.j, root, fact.signal).filter((r) => lineOf(r.call.node) === fact.line || lineOf(r.statement.node) === fact.line);
  const reg = regs[0];
  if (!reg || reg.statement.node.type !== 'ExpressionStatement' || reg.call.node.arguments.length !== 2) return null;
  return reg.statement.parent?.node.type === 'Program' ? reg : null;
}

/**
 * Handles the signal handlers this file registers. Returns true when the file is done: every
 * incomplete handler here was completed or reported, and nothing new may be registered.
 */
export function completeOrReport(root: Collection<any>, ctx: AstContext, service: ServiceModel, view: ProcessView, placements: Placement[], timing: Timing): boolean {
  const { j } = ctx;
  const incomplete = view.handlers.filter((h) => h.fact.file === ctx.path && h.missing.length > 0);
  if (incomplete.length === 0) return false;
  const program = root.get().node.program.body;
  const group = placements.filter((p) => p.body === program && p.site.kind !== 'nest');
  const wrapped: { fact: SignalHandlerFact; reg: SigintRegistration }[] = [];
  const remote = group.length === 0 && ctx.options.sharedShutdown && remoteWraps(view);
  for (const h of incomplete) {
    const existing = registrationOf(root, ctx, h.fact);
    if (existing && isWrapped(existing)) continue;
    const reg = canWrap(h.fact) && (group.length > 0 || (remote && remote.includes(h.fact))) ? registrationOf(root, ctx, h.fact) : null;
    if (reg && group.length === 0) runShutdownFirst(root, ctx, service, reg);
    else if (reg) wrapped.push({ fact: h.fact, reg });
    else ctx.manual(h.fact.line, `this ${h.fact.signal} handler is incomplete: ${h.missing.join('; ')}`);
  }
  if (wrapped.length > 0) {
    for (const p of group) if (p.target === null) keepResult(ctx, p, claimName(j, root, 'server'));
    const at = group[group.length - 1].site.path;
    const closedByThem = (name: string) => wrapped.some((w) => closesName(w.fact, name));
    const resources = withReachable(j, root, ctx, service).filter((r) => isVisibleAt(r, at) && !closedByThem(r.name));
    const after = lastStatement(group);
    const sockets = unreachableSocketIo(service, resources, ctx.path);
    const trackUpgrades = sockets.length > 0 && group.filter((p) => p.site.kind === 'app' || p.site.kind === 'server').length === 1;
    const shutdown = insertHandler(root, ctx, { group, body: program, after, resources, signals: [], timing, trackUpgrades, wraps: wrapped.map((w) => w.reg) });
    ctx.changed(wrapped.length);
    const closed = new Set<unknown>([...resources.map((r) => r.fact ?? r.name), ...(trackUpgrades ? sockets : [])]);
    for (const { fact } of wrapped) {
      const still = service.facts.resources.filter((r) => !closesResource(fact, r) && !closed.has(r) && !(r.file === ctx.path && r.binding && closed.has(r.binding)));
      if (still.length > 0)
        ctx.manual(fact.line, `this ${fact.signal} handler now drains the server first, but ${still.map((r) => `${r.binding ?? r.kind} (${r.kind}, line ${r.line} of ${r.file === ctx.path ? 'this file' : r.file})`).join(', ')} stay open: close them in ${shutdown}()`);
    }
    if (!view.handled.has('SIGTERM')) {
      const named = wrapped.find((w) => w.reg.handler);
      if (named) {
        const q = quoteString('SIGTERM', ctx.style);
        insertLineAfter(ctx, named.reg.statement.node, inSemicolonStyle(`process.${named.reg.method}(${q}, ${signalParam(ctx)} => ${shutdown}(signal, ${named.reg.handler}));`, ctx.style));
      } else
        ctx.manual(wrapped[0].fact.line, 'SIGTERM is not handled, and SIGTERM is what orchestrators (ECS, Kubernetes) send before they kill the task: run the same shutdown on SIGTERM');
    }
  }
  return true;
}

/**
 * The handler is here, the server in another module: the handler runs the server module's shutdown step
 * (registered there with the lifecycle module's onShutdown) before what it did.
 */
function runShutdownFirst(root: Collection<any>, ctx: AstContext, service: ServiceModel, reg: SigintRegistration): void {
  const source = lifecycleModule(service).specifierFrom(ctx.path);
  const run = ensureImportEdit(ctx, root, { source, name: 'runShutdown', kind: 'named' }).local;
  wrapRegistration(ctx, reg, run);
  ctx.changed();
}

/**
 * The server's module when the process's incomplete handler is in another module: its drain becomes
 * a lifecycle onShutdown step that handler runs first. Returns whether it was added.
 */
export function addShutdownStep(root: Collection<any>, ctx: AstContext, service: ServiceModel, view: ProcessView, placements: Placement[], timing: Timing): boolean {
  const { j } = ctx;
  if (!ctx.options.sharedShutdown || view.owner !== ctx.path || remoteWraps(view).length === 0) return false;
  const source = lifecycleModule(service).specifierFrom(ctx.path);
  if (findImport(j, root, { source, name: 'onShutdown', kind: 'named' })) return true;
  const program = root.get().node.program.body;
  const group = placements.filter((p) => p.body === program && p.site.kind !== 'nest');
  if (group.length === 0) return false;
  for (const p of group) if (p.target === null) keepResult(ctx, p, claimName(j, root, 'server'));
  const at = group[group.length - 1].site.path;
  const remote = remoteWraps(view);
  const closedByThem = (name: string) => remote.some((f) => closesName(f, name));
  const resources = withReachable(j, root, ctx, service).filter((r) => isVisibleAt(r, at) && !closedByThem(r.name));
  const sockets = unreachableSocketIo(service, resources, ctx.path);
  const trackUpgrades = sockets.length > 0 && group.filter((p) => p.site.kind === 'app' || p.site.kind === 'server').length === 1;
  const after = lastStatement(group);
  insertHandler(root, ctx, { group, body: program, after, resources, signals: [], timing, trackUpgrades, step: true });
  ctx.changed(group.length);
  const handlers = remote.map((f) => where(service, f)).join(', ');
  const closed = new Set<unknown>([...resources.map((r) => r.fact ?? r.name), ...(trackUpgrades ? sockets : [])]);
  const still = service.facts.resources.filter((r) => !closed.has(r) && !(r.file === ctx.path && r.binding && closed.has(r.binding)) && !remote.some((f) => closesResource(f, r)));
  if (still.length > 0)
    ctx.manual(lineOf(group[group.length - 1].statement), `the shutdown step here (run first by the handler at ${handlers}) cannot reach ${still.map((r) => `${r.binding ?? r.kind} (${r.kind}, ${where(service, r)})`).join(', ')}: close them in it`);
  return true;
}
