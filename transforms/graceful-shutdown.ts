import fs from 'node:fs';
import type { ASTPath, Collection } from 'jscodeshift';
import { lifecycleModule } from '../src/scaffold/lifecycle';
import { ensureImportEdit } from '../src/ast/edit-imports';
import { insertLineAfter, insertPlacedEdit } from '../src/ast/edit-placement';
import { findImport, type ImportRequest } from '../src/ast/imports';
import { isModuleFile, specifierFor, specifierMatches } from '../src/ast/modules';
import { claimName, lineOf } from '../src/ast/scope';
import { findHapiStarts, findListenSites } from '../src/ast/servers';
import { inSemicolonStyle, quoteString } from '../src/ast/style';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { AstContext, Transform } from '../src/types';
import { alreadyHandled, sigintRegistrations } from './graceful-shutdown/handled';
import { helperCallCode } from './graceful-shutdown/handler';
import { addShutdownStep, completeOrReport } from './graceful-shutdown/complete';
import { insertHandler, lastStatement } from './graceful-shutdown/install';
import { isEntry, processView, remoteWraps, where } from './graceful-shutdown/process-view';
import { reachableFacts, reportUnreachable, unreachableSocketIo } from './graceful-shutdown/reach';
import { DEFAULT_DRAIN_DELAY_MS, timingFor } from './graceful-shutdown/timing';
import { installWorker } from './graceful-shutdown/worker';
import { recordUnlistened, unlistenedItems } from './graceful-shutdown/unlistened';
import { keepResult, placeListen, type Placement } from './graceful-shutdown/placement';
import { findResources, isVisibleAt, type Resource } from './graceful-shutdown/resources';
import { HELPER_DEFAULT_NAME, validateDelay, validateHelper, validateSignals, validateTimeout, type HelperOption } from './graceful-shutdown/options';

/** The transform that adds /ready from the lifecycle module (the health engineer's). */
const READINESS_TRANSFORM = 'readiness-probe';

// A server starting, a signal named, or a client a worker opens (the worker's handler closes it).
const PREFILTER = /\.listen\s*\(|\.start\s*\(|SIG(INT|TERM)|new\s+(Pool|Client|MongoClient|Redis|PrismaClient|Sequelize|DataSource|Kafka|Worker|Queue)\b|create(Client|Pool|Connection)\s*\(|\.connect\s*\(/;

const SERVER_START = /\.listen\s*\(|\.start\s*\(/;

const TEST_FILE = /(^|\/)(__tests__|__mocks__|tests?|e2e|spec)\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/** The line of a node, or of its nearest ancestor with a location (recast drops it on `export default` expressions). */
function lineNear(path: ASTPath<any> | null): number {
  for (let p = path; p; p = p.parent) if (lineOf(p.node) > 0) return lineOf(p.node);
  return 0;
}

/** The first line naming SIGTERM. */
function sigtermLine(j: AstContext['j'], root: Collection<any>): number {
  let line = 0;
  root.find(j.Node).forEach((p: any) => {
    const n = p.node;
    if (!line && (n.type === 'StringLiteral' || n.type === 'Literal') && n.value === 'SIGTERM') line = lineOf(n);
  });
  return line;
}

function helperOf(ctx: AstContext): (HelperOption & { name: string }) | null {
  const h = ctx.options.helper as HelperOption | undefined;
  return h ? { import: h.import, name: h.name ?? HELPER_DEFAULT_NAME } : null;
}

/** Only SIGINT handled: register the same named handler for SIGTERM, or say why that matters. */
function completeSigint(root: Collection<any>, ctx: AstContext): void {
  const { j } = ctx;
  const done = new Set<string>();
  for (const reg of sigintRegistrations(j, root)) {
    const stmt = reg.statement;
    const body = stmt.parent?.node.body;
    if (reg.handler && stmt.node.type === 'ExpressionStatement' && Array.isArray(body)) {
      if (done.has(reg.handler)) continue;
      done.add(reg.handler);
      insertLineAfter(ctx, stmt.node, inSemicolonStyle(`process.${reg.method}(${quoteString('SIGTERM', ctx.style)}, ${reg.handler});`, ctx.style));
      ctx.changed();
    } else {
      ctx.manual(
        lineOf(stmt.node),
        'SIGINT is handled but SIGTERM is not, and SIGTERM is what orchestrators (ECS, Kubernetes) send before they kill the task: run the same shutdown on SIGTERM',
      );
    }
  }
}

function groupByBody(placements: Placement[]): Placement[][] {
  const groups = new Map<any[], Placement[]>();
  for (const p of placements) groups.set(p.body, [...(groups.get(p.body) ?? []), p]);
  return [...groups.values()];
}


function helperImport(ctx: AstContext, helper: HelperOption & { name: string }): ImportRequest {
  return {
    source: specifierFor(helper.import, ctx.root, ctx.path),
    name: helper.name,
    kind: 'named',
    matches: (s: string) => specifierMatches(s, ctx.path, helper.import, ctx.root),
  };
}

function insertHelperCalls(root: Collection<any>, ctx: AstContext, group: Placement[], helper: HelperOption & { name: string }, timeoutMs: number): void {
  const local = ensureImportEdit(ctx, root, helperImport(ctx, helper)).local;
  for (const p of group) insertLineAfter(ctx, p.statement, inSemicolonStyle(helperCallCode(local, p.target!, timeoutMs, ctx.options.signals, ctx.style), ctx.style));
}

export const gracefulShutdown: Transform = {
  name: 'graceful-shutdown',
  editsTogether: true,
  summary: 'Adds SIGTERM/SIGINT handlers that drain the HTTP server and close pools, queues and clients',
  options: {
    timeoutMs: {
      type: 'number',
      description:
        "Milliseconds closing may take after the drain delay before the handler forces exit code 1; default: the service's grace period (Kubernetes terminationGracePeriodSeconds, ECS stopTimeout, compose stop_grace_period, else 30 s) minus 5 s minus drainDelayMs, i.e. 20000 for 30 s",
      validate: validateTimeout,
    },
    drainDelayMs: {
      type: 'number',
      description: 'Milliseconds a server keeps serving after SIGTERM (with /ready answering 503 when the lifecycle module is there) before it closes, so load balancers stop routing to it first; never on SIGINT, at most half the time the grace period leaves',
      default: DEFAULT_DRAIN_DELAY_MS,
      validate: validateDelay,
    },
    signals: {
      type: 'string[]',
      description: 'Signals that start the shutdown; SIGTERM is what orchestrators send',
      default: ['SIGTERM', 'SIGINT'],
      validate: validateSignals,
    },
    helper: {
      type: 'object',
      description: `A shared function to call instead of inlining the handler: { "import": "<module or path>", "name": "${HELPER_DEFAULT_NAME}" }; it receives the server and { timeoutMs, signals }`,
      validate: validateHelper,
    },
  },
  prepare(ctx) {
    if (!ctx.service) return ctx.options;
    const file = lifecycleModule(ctx.service).path;
    const existing = fs.existsSync(file) ? ctx.read(file) : null;
    // /ready flips to 503 while draining when the lifecycle module has markDraining, or this run creates it for a server.
    const serves = ctx.service.facts.apps.length > 0 || ctx.files.some((f) => SERVER_START.test(ctx.read(f)));
    const lifecycle = existing !== null ? existing.includes('markDraining') : !!ctx.transforms?.includes(READINESS_TRANSFORM) && serves;
    // A handler in one module completes through the server module's step only with a lifecycle module that has runShutdown.
    const sharedShutdown = existing === null || existing.includes('runShutdown');
    return { ...ctx.options, lifecycle, sharedShutdown, createLifecycle: existing === null && lifecycle };
  },
  generate(ctx) {
    const service = ctx.service;
    if (!service) return [];
    const shared = ctx.options.sharedShutdown && remoteWraps(processView(service)).length > 0;
    if (!ctx.options.createLifecycle && !shared) return [];
    const lifecycle = lifecycleModule(service);
    return [{ path: lifecycle.path, content: lifecycle.content }];
  },
  ast: {
    edits: true,
    roles: ['runtime'],
    prefilter: (source) => PREFILTER.test(source),
    scan: (_source, ctx) => recordUnlistened(ctx),
    exclude(relPath, absPath, options, root) {
      if (TEST_FILE.test(relPath)) return 'test file';
      const helper = options.helper as HelperOption | undefined;
      if (helper && isModuleFile(absPath, helper.import, root)) return 'the shutdown helper itself';
      return null;
    },
    apply(root, ctx) {
      const { j } = ctx;
      recordUnlistened(ctx);
      const helper = helperOf(ctx);
      const helperLocal = helper ? (findImport(j, root, helperImport(ctx, helper)) ?? helper.name) : null;
      const service = ctx.service;
      const view = service ? processView(service) : null;
      const timing = timingFor(ctx.options, service?.deploy, (w) => (service ? where(service, w) : `${w.file}:${w.line}`));
      const sites = [...findListenSites(j, root), ...findHapiStarts(j, root)];
      const placements: Placement[] = [];
      for (const site of sites) {
        const placed = placeListen((node) => ctx.edit!.textOf(node), site);
        if ('manual' in placed) ctx.manual(lineNear(site.path), placed.manual);
        else placements.push(placed.placement);
      }
      if (view && service) {
        // The handlers this file registers: completed in place when that is safe, else what each leaves undone.
        if (completeOrReport(root, ctx, service, view, placements, timing)) return;
        if (view.handled.has('SIGTERM')) return void addShutdownStep(root, ctx, service, view, placements, timing);
      }
      const handledHere = alreadyHandled(j, root, helperLocal);
      if (handledHere === 'handles SIGTERM' && view && !view.handlers.some((h) => h.fact.file === ctx.path) && placements.length > 0)
        // Registered in a way the model cannot read (`signals.forEach((s) => process.once(s, ...))`): not judged, so said.
        ctx.manual(sigtermLine(j, root), 'SIGTERM is handled here in a form shipshape cannot read: check that the handler stops the server with server.close() and waits for it, closes every client, and exits only after that');
      if (handledHere) return;
      if (sigintRegistrations(j, root).length > 0) return completeSigint(root, ctx);
      const signals = (ctx.options.signals as string[]).filter((s) => !view?.handled.has(s));

      // NestJS registers its own signal handlers and runs onApplicationShutdown hooks: app.close() on SIGTERM.
      for (const p of placements.filter((p) => p.site.kind === 'nest')) {
        insertPlacedEdit(ctx, p.body, p.body.indexOf(p.statement), inSemicolonStyle(`${p.target}.enableShutdownHooks();`, ctx.style), 'before');
        ctx.changed();
      }
      const drained = placements.filter((p) => p.site.kind !== 'nest');
      if (drained.length === 0) {
        if (service && view && !helper && isEntry(service, ctx.path) && !service.facts.apps.some((a) => a.listens)) installWorker(root, ctx, service, signals, timing);
        return;
      }
      if (view?.owner && view.owner !== ctx.path && service) {
        for (const p of drained)
          ctx.manual(lineOf(p.statement), `the process's shutdown handler goes next to the server of ${where(service, { file: view.owner, line: 0 }).replace(/:0$/, '')}: close this server in it too, so one handler drains both`);
        return;
      }

      // Two handlers would each exit as soon as their own server closed, cutting the other's requests:
      // one handler, for the servers of the top-level scope (else the first); servers started elsewhere are reported.
      const program = root.get().node.program.body;
      const groups = groupByBody(drained).sort((a, b) => Number(b[0].body === program) - Number(a[0].body === program));
      const handled = helper ? groups : groups.slice(0, 1);
      for (const group of groups.slice(handled.length))
        for (const p of group)
          ctx.manual(
            lineOf(p.statement),
            `this server starts in another scope than the one given a shutdown handler (line ${lineOf(handled[0][0].statement)}): close it in that handler so one handler drains both`,
          );

      const local = findResources(j, root);
      const reached = reachableFacts(j, root, ctx, service, local);
      const resources = [...local, ...reached];
      const sockets = unreachableSocketIo(service, reached, ctx.path);
      const closed = new Set<Resource>();
      let tracked = false;
      for (const group of handled) {
        for (const p of group) if (p.target === null) keepResult(ctx, p, claimName(j, root, 'server'));
        const at = group[group.length - 1].site.path;
        const visible = resources.filter((r) => isVisibleAt(r, at));
        if (helper) {
          insertHelperCalls(root, ctx, group, helper, timing.timeoutMs);
          for (const r of visible)
            ctx.manual(r.line, `${r.name} (${r.label}) is not closed by ${helper.name}: close it when the server shuts down`);
        } else {
          const servers = group.filter((p) => p.site.kind === 'app' || p.site.kind === 'server').length;
          tracked = sockets.length > 0 && servers === 1;
          insertHandler(root, ctx, { group, body: group[0].body, after: lastStatement(group), resources: visible, signals, timing, trackUpgrades: tracked });
          visible.forEach((r) => closed.add(r));
          for (const r of visible.filter((r) => r.stage === 'drain' && servers > 1))
            ctx.manual(r.line, `${r.name} (${r.label}) is closed after the ${servers} HTTP servers drain, and its open websockets can hold them until the timeout: close it first`);
          if (timing.tooLong) ctx.manual(lineOf(group[group.length - 1].statement), timing.tooLong);
        }
        ctx.changed(group.length);
      }
      if (!helper) {
        for (const r of local.filter((r) => !closed.has(r)))
          ctx.manual(r.line, `${r.name} (${r.label}) is not visible where the server starts: close it in the shutdown handler yourself`);
        if (service) reportUnreachable(ctx, service, lineOf(handled[0][handled[0].length - 1].statement), [...closed], local, tracked ? sockets : []);
      }
    },
  },
  finalize: (records, _options, fleet) => unlistenedItems(records, 'graceful-shutdown', fleet),
};

export default toJscodeshift(gracefulShutdown);
