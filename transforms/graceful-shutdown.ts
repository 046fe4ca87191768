import type { ASTPath, Collection } from 'jscodeshift';
import { statementFromCode, statementsFromCode } from '../src/ast/build';
import { ensureImport, findImport, type ImportRequest } from '../src/ast/imports';
import { insertStatement } from '../src/ast/insert';
import { isModuleFile, specifierFor, specifierMatches } from '../src/ast/modules';
import { freeName, lineOf } from '../src/ast/scope';
import { findListenSites } from '../src/ast/servers';
import { quoteString } from '../src/ast/style';
import { isTypeScript } from '../src/engine/parser';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { AstContext, Transform } from '../src/types';
import { alreadyHandled, sigintRegistrations } from './graceful-shutdown/handled';
import { handlerCode, helperCallCode } from './graceful-shutdown/handler';
import { logTarget } from './graceful-shutdown/logger';
import { keepResult, placeListen, type Placement } from './graceful-shutdown/placement';
import { findResources, isVisibleAt, type Resource } from './graceful-shutdown/resources';
import { HELPER_DEFAULT_NAME, validateHelper, validateSignals, validateTimeout, type HelperOption } from './graceful-shutdown/options';

const TEST_FILE = /(^|\/)(__tests__|__mocks__|tests?|e2e|spec)\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/** The line of a node, or of its nearest ancestor with a location (recast drops it on `export default` expressions). */
function lineNear(path: ASTPath<any> | null): number {
  for (let p = path; p; p = p.parent) if (lineOf(p.node) > 0) return lineOf(p.node);
  return 0;
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
      const node = statementFromCode(j, `process.${reg.method}(${quoteString('SIGTERM', ctx.style)}, ${reg.handler});`);
      insertStatement(j, body, body.indexOf(stmt.node) + 1, node, 'after');
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

/** The group's last statement: the handler goes right after it, in the same scope. */
function lastStatementIndex(group: Placement[]): number {
  return Math.max(...group.map((p) => p.body.indexOf(p.statement)));
}

function insertHandler(root: Collection<any>, ctx: AstContext, group: Placement[], resources: Resource[]): void {
  const { j } = ctx;
  const servers = group.filter((p) => p.site.kind !== 'fastify').map((p) => p.target!);
  const fastify = group.filter((p) => p.site.kind === 'fastify').map((p) => p.target!);
  let log = logTarget(j, root, ctx.facts);
  if (log.style === 'console' && fastify.length > 0) log = { expr: `${fastify[0]}.log`, style: 'pino' };
  const shutdown = freeName(j, root, 'shutdown');
  const shuttingDown = freeName(j, root, 'shuttingDown', [shutdown]);
  const closeIdle = freeName(j, root, 'closeIdle', [shutdown, shuttingDown]);
  const code = handlerCode({
    servers,
    fastify,
    resources,
    log,
    names: { shutdown, shuttingDown, closeIdle },
    timeoutMs: ctx.options.timeoutMs,
    signals: ctx.options.signals,
    typescript: isTypeScript(ctx.path),
    style: ctx.style,
  });
  const body = group[0].body;
  const at = lastStatementIndex(group) + 1;
  statementsFromCode(j, code).forEach((statement, i) => insertStatement(j, body, at + i, statement, 'after'));
}

function helperImport(ctx: AstContext, helper: HelperOption & { name: string }): ImportRequest {
  return {
    source: specifierFor(helper.import, ctx.root, ctx.path),
    name: helper.name,
    kind: 'named',
    matches: (s: string) => specifierMatches(s, ctx.path, helper.import, ctx.root),
  };
}

function insertHelperCalls(root: Collection<any>, ctx: AstContext, group: Placement[], helper: HelperOption & { name: string }): void {
  const { j } = ctx;
  const local = ensureImport(j, root, ctx.path, helperImport(ctx, helper), ctx.style).local;
  for (const p of group) {
    const call = statementFromCode(j, helperCallCode(local, p.target!, ctx.options.timeoutMs, ctx.options.signals, ctx.style));
    insertStatement(j, p.body, p.body.indexOf(p.statement) + 1, call, 'after');
  }
}

export const gracefulShutdown: Transform = {
  name: 'graceful-shutdown',
  summary: 'Adds SIGTERM/SIGINT handlers that drain the HTTP server and close pools, queues and clients',
  options: {
    timeoutMs: {
      type: 'number',
      description: 'Milliseconds the handler waits for requests and resources to close before it forces exit code 1',
      default: 30000,
      validate: validateTimeout,
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
  ast: {
    roles: ['runtime'],
    prefilter: (source) => /\.listen\s*\(|SIGINT/.test(source),
    exclude(relPath, absPath, options, root) {
      if (TEST_FILE.test(relPath)) return 'test file';
      const helper = options.helper as HelperOption | undefined;
      if (helper && isModuleFile(absPath, helper.import, root)) return 'the shutdown helper itself';
      return null;
    },
    apply(root, ctx) {
      const { j } = ctx;
      const helper = helperOf(ctx);
      const helperLocal = helper ? (findImport(j, root, helperImport(ctx, helper)) ?? helper.name) : null;
      if (alreadyHandled(j, root, helperLocal)) return;
      if (sigintRegistrations(j, root).length > 0) return completeSigint(root, ctx);

      const sites = findListenSites(j, root);
      const placements: Placement[] = [];
      for (const site of sites) {
        const placed = placeListen(j, site);
        if ('manual' in placed) ctx.manual(lineNear(site.path), placed.manual);
        else placements.push(placed.placement);
      }

      // NestJS registers its own signal handlers and runs onApplicationShutdown hooks.
      for (const p of placements.filter((p) => p.site.kind === 'nest')) {
        const hooks = statementFromCode(j, `${p.target}.enableShutdownHooks();`);
        insertStatement(j, p.body, p.body.indexOf(p.statement), hooks, 'before');
        ctx.changed();
      }
      const drained = placements.filter((p) => p.site.kind !== 'nest');
      if (drained.length === 0) return;

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

      const resources = findResources(j, root);
      const closed = new Set<Resource>();
      for (const group of handled) {
        for (const p of group) if (p.target === null) keepResult(j, p, freeName(j, root, 'server'));
        const at = group[group.length - 1].site.path;
        const visible = resources.filter((r) => isVisibleAt(r, at));
        if (helper) {
          insertHelperCalls(root, ctx, group, helper);
          for (const r of visible)
            ctx.manual(r.line, `${r.name} (${r.label}) is not closed by ${helper.name}: close it when the server shuts down`);
        } else {
          insertHandler(root, ctx, group, visible);
          visible.forEach((r) => closed.add(r));
          const servers = group.filter((p) => p.site.kind !== 'fastify').length;
          for (const r of visible.filter((r) => r.stage === 'drain' && servers > 1))
            ctx.manual(r.line, `${r.name} (${r.label}) is closed after the ${servers} HTTP servers drain, and its open websockets can hold them until the timeout: close it first`);
        }
        ctx.changed(group.length);
      }
      if (!helper)
        for (const r of resources.filter((r) => !closed.has(r)))
          ctx.manual(r.line, `${r.name} (${r.label}) is not visible where the server starts: close it in the shutdown handler yourself`);
    },
  },
};

export default toJscodeshift(gracefulShutdown);
