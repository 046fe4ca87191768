import type { ASTPath, Collection } from 'jscodeshift';
import { ROUTE_METHODS, findRouteRegistrations, fileFramework, type RouteRegistration } from '../../src/ast/routes';
import { enclosingStatement, lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import { HOLE, type PathPair } from './paths';
import { isLiteralNode, preview, rewriteLiteral, rewriteTitle, templateText, type Mode } from './literals';
import type { RouteRecord } from './consistency';
import { keptByComment } from './keep';
import { servesRoutes } from './owners';
import { serviceAt, verdictAt, type FateRecord, type HealthPlan, type Verdict } from './plan';

/** Calls that send a request to their first argument. */
const REQUEST_FUNCS = /^(fetch|got|axios|request|superagent|needle|ky|ofetch|\$fetch|get|head|[a-z]\w*(Get|Fetch|Request|Head))$/;
/** `getConfig('health.url', '/healthz')`: a setting whose key names a path, with its default. */
const SETTING_KEY = /(url|path|route|endpoint|uri)$/i;
const REQUEST_METHODS = new Set([...ROUTE_METHODS, 'request', 'fetch', 'inject', 'redirect']);
/** Object keys whose string value is a route or URL. */
const PATH_KEYS = /^(path|url|uri|prefix|endpoint|route|href|healthcheckUrl|exposeStatusRoute)$/i;
/** Names (keys, variables, ENV) that say a value is about health checks. */
const HEALTH_NAME = /health|liveness|readiness|livez|readyz|probe/i;
/** Names of lists of paths (`ignorePaths`, `PUBLIC_ROUTES`, `exclude`). */
const LIST_NAME = /path|route|url|ignore|exclude|skip|allow|public|whitelist|unprotected|unauthenticated|bypass|health|probe/i;
/** Request members and variables that hold the requested path. */
const URL_PROPS = new Set(['url', 'path', 'originalUrl', 'pathname', 'routerPath', 'href']);
const URL_VARS = /^(url|path|pathname|route|routePath|originalUrl|requestPath|reqPath)$/i;
const TEST_TITLES = new Set(['it', 'test', 'describe', 'context', 'suite']);

interface ConstInit {
  name: string;
  node: any;
  line: number;
}

/** `const X = '/healthz'` (also `as const`) anywhere in the file, by name; names declared twice are left out. */
function stringConstants(ctx: AstContext, root: Collection<any>): Map<string, ConstInit> {
  const j = ctx.j;
  const found = new Map<string, ConstInit>();
  const twice = new Set<string>();
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type !== 'Identifier') return;
    let init = p.node.init;
    while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression;
    const name = p.node.id.name;
    if (found.has(name)) twice.add(name);
    if (init && (init.type === 'StringLiteral' || init.type === 'TemplateLiteral')) found.set(name, { name, node: init, line: lineOf(init) });
  });
  for (const n of twice) found.delete(n);
  return found;
}

/** The literals a route's path node stands for: itself, an array's elements, a constant's value. */
function literalsOf(node: any, constants: Map<string, ConstInit>): { node: any; via?: ConstInit }[] {
  if (!node) return [];
  if (isLiteralNode(node)) return [{ node }];
  if (node.type === 'ArrayExpression') return node.elements.flatMap((e: any) => literalsOf(e, constants));
  if (node.type === 'Identifier') {
    const c = constants.get(node.name);
    return c ? [{ node: c.node, via: c }] : [];
  }
  return [];
}

/** Regex routes are compared and recorded by their source, marked with this prefix. */
const REGEX = 're:';

function literalText(node: any): string {
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral') return templateText(node, 'raw');
  return `/${node.pattern}/`;
}

function normal(path: string): string {
  return path.length > 1 && !path.startsWith(REGEX) ? path.replace(/\/+$/, '') : path;
}

function joinNest(controller: string, method: string): string {
  return '/' + [controller, method].map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
}

/** Full paths a registration serves (NestJS: controller path + method path). */
function servedPaths(reg: RouteRegistration, constants: Map<string, ConstInit>, text: (node: any) => string): string[] {
  const own = reg.pathNode ? literalsOf(reg.pathNode, constants).map((l) => text(l.node)) : [''];
  if (reg.framework !== 'nest') return own.map(normal);
  const ctrl = reg.method === 'Controller' ? [''] : reg.controllerPath ? literalsOf(reg.controllerPath, constants).map((l) => text(l.node)) : [''];
  return ctrl.flatMap((c) => own.map((m) => (reg.method === 'Controller' ? joinNest(m, '') : joinNest(c, m))));
}

function modeOf(reg: RouteRegistration): Mode {
  return reg.framework === 'nest' ? 'nest' : 'url';
}

export function applyCode(root: Collection<any>, ctx: AstContext): void {
  const j = ctx.j;
  const edit = ctx.edit!;
  const pair: PathPair = { from: ctx.options.from, to: ctx.options.to };
  const keepAlias: boolean = ctx.options.keepAlias;
  const handled = new Set<any>();
  const rewrittenConsts = new Set<string>();
  const constants = stringConstants(ctx, root);
  const nestFile = fileFramework(ctx.source) === 'nest';
  const regs = findRouteRegistrations(j, root, ctx.source);
  const copies: { reg: RouteRegistration; path: string }[] = [];
  // Owner files (runtime code that serves the old path) decide; the rest of the service follows them.
  const plan: HealthPlan | undefined = ctx.options.$plan;
  const owner = !plan || plan.owners.includes(ctx.path);
  const verdict: Verdict = owner ? { action: 'rename' } : verdictAt(plan, ctx.path, 0);
  const serviceDir = plan ? serviceAt(plan, ctx.path, 0)?.dir : undefined;
  const fate = (record: FateRecord) => {
    if (owner) ctx.record(serviceDir ? { ...record, service: serviceDir } : record);
  };
  /** A route left on the old path: reported once for the whole service by finalize when there is a plan. */
  const stuck = (line: number, why: string) => {
    fate({ kind: 'stuck', line, why });
    if (!plan) ctx.manual(line, why);
  };
  const held = (line: number, what: string) => {
    if (verdict.action === 'hold') ctx.record({ kind: 'held', service: verdict.service, line, what });
  };
  const kept = (line: number) => keptByComment(ctx.source, line);

  // Find: routes whose path has `from`, grouped by the object that serves them.
  const groups = new Map<string, RouteRegistration[]>();
  for (const reg of regs) {
    const key = reg.object;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(reg);
    for (const l of literalsOf(reg.pathNode, constants)) handled.add(l.node);
  }
  const isFrom = (reg: RouteRegistration) => literalsOf(reg.pathNode, constants).some((l) => preview(l.node, pair, modeOf(reg)).count > 0);
  // The tree is never changed: a literal's text after the run is its rewrite, when it has one.
  const rewritten = new Map<any, string>();
  const textNow = (node: any) => rewritten.get(node) ?? literalText(node);
  const asServed = (text: string, node: any) => (node.type === 'RegExpLiteral' ? REGEX + text.slice(1, -1) : text.replace(/[?#].*$/, ''));
  const currentText = (node: any) => asServed(textNow(node), node);
  const originalText = (node: any) => asServed(literalText(node), node);
  const rewrite = (node: any, mode: Mode): number => {
    const n = rewriteLiteral(edit, node, pair, mode);
    if (n > 0) rewritten.set(node, preview(node, pair, mode).after);
    return n;
  };
  /** Registrations that keep serving their old path beside the new one (keepAlias in one registration). */
  const withAlias = new Set<RouteRegistration>();

  for (const [object, group] of groups) {
    const fromAll = group.filter(isFrom);
    if (fromAll.length === 0) continue;
    if (verdict.action !== 'rename') {
      for (const reg of fromAll) held(reg.line, `${describe(reg)} route`);
      continue;
    }
    for (const reg of fromAll.filter((r) => kept(r.line))) stuck(reg.line, `${describe(reg)} serving ${pair.from} is kept by its comment`);
    const fromRegs = fromAll.filter((r) => !kept(r.line));
    if (fromRegs.length === 0) continue;
    // Check: would a renamed route answer a path another route of the same object already answers?
    const others = group.filter((r) => !fromRegs.includes(r));
    const taken = new Map<string, RouteRegistration>();
    for (const r of others) for (const p of servedPaths(r, constants, currentText)) if (!taken.has(p)) taken.set(p, r);
    const afterText = (reg: RouteRegistration) => (node: any) => {
      const p = preview(node, pair, modeOf(reg));
      const text = p.count > 0 ? p.after : p.before;
      return node.type === 'RegExpLiteral' ? REGEX + text.slice(1, -1) : text.replace(/[?#].*$/, '');
    };
    const aliased = (reg: RouteRegistration) => {
      const mine = servedPaths(reg, constants, currentText);
      return servedPaths(reg, constants, afterText(reg)).every((p) => mine.includes(p) || taken.has(p));
    };
    if (keepAlias && fromRegs.every(aliased)) continue;
    const clashes = fromRegs.flatMap((reg) => servedPaths(reg, constants, afterText(reg)).filter((p) => taken.has(p)).map((p) => ({ reg, p, other: taken.get(p)! })));
    const selfAlias = fromRegs.filter((reg) => servedPaths(reg, constants, currentText).some((p) => servedPaths(reg, constants, afterText(reg)).includes(p) && reg.pathNode?.type === 'ArrayExpression'));
    if (clashes.length > 0 || (selfAlias.length > 0 && !keepAlias)) {
      for (const c of clashes)
        stuck(c.reg.line, `${describe(c.reg)} not renamed: ${object} already serves ${c.p} (line ${c.other.line}), so two handlers would answer one path; remove one of them, then move ${pair.from} to ${pair.to}`);
      for (const reg of selfAlias) if (!clashes.some((c) => c.reg === reg)) ctx.manual(reg.line, `${describe(reg)} serves both ${pair.to} and ${pair.from}: drop ${pair.from} once no probe uses it`);
      continue;
    }
    // Rewrite.
    for (const reg of fromRegs) {
      if (keepAlias && aliased(reg)) continue;
      if (keepAlias) addAlias(reg);
      else renameRoute(reg);
    }
  }

  function renameRoute(reg: RouteRegistration): void {
    fate({ kind: 'moved', line: reg.line });
    for (const l of literalsOf(reg.pathNode, constants)) {
      if (l.via) {
        if (rewrittenConsts.has(l.via.name)) continue;
        rewrittenConsts.add(l.via.name);
      }
      ctx.changed(rewrite(l.node, modeOf(reg)));
    }
  }

  /** keepAlias: the old path keeps working beside the new one. */
  function addAlias(reg: RouteRegistration): void {
    const mode = modeOf(reg);
    const node = reg.pathNode;
    const arrayForm = reg.framework === 'express' || reg.framework === 'koa' || reg.framework === 'nest' || reg.framework === 'unknown';
    if (arrayForm && !reg.routeObject) {
      if (node.type === 'ArrayExpression') {
        const at = node.elements.findIndex((e: any) => literalsOf(e, constants).some((l) => preview(l.node, pair, mode).count > 0));
        const el = node.elements[at];
        const old = aliasText(el);
        if (old === null) return manualAlias(reg);
        renameRoute({ ...reg, pathNode: el });
        edit.insertAfter(el, `, ${old}`);
        withAlias.add(reg);
        ctx.changed();
        return;
      }
      const old = aliasText(node);
      if (old === null) return manualAlias(reg);
      // The renamed path stays where it is and the old one joins it: `['/health', '/healthz']`.
      renameRoute(reg);
      edit.insertBefore(node, '[');
      edit.insertAfter(node, `, ${old}]`);
      withAlias.add(reg);
      ctx.changed();
      return;
    }
    // Fastify and hapi take one path per route: the registration is repeated, as written, with
    // the old path below the renamed one.
    const where = enclosingStatement(reg.call);
    const own = statementOf(reg.call);
    if (!where || (!own && !(reg.routeObject && isInArray(reg)))) return manualAlias(reg);
    const semicolon = ctx.style.semicolons ? ';' : '';
    const anchor = where.statement.node;
    const text =
      own && !(reg.routeObject && isInArray(reg))
        ? edit.textOf(own.node)
        : `${reg.object}.route(${reindented(edit.textOf(reg.routeObject), edit.indentAt(reg.routeObject), edit.indentAt(anchor))})${semicolon}`;
    renameRoute(reg);
    // A copy of several lines is set off by a blank line, as a hand-written second route would be.
    edit.insertAfter(anchor, `\n${text.includes('\n') ? '\n' : ''}${edit.indentAt(anchor)}${text}`);
    copies.push({ reg, path: pair.from });
    ctx.changed();
  }

  /** The old path as written, for the alias beside the renamed one (one plain literal only). */
  function aliasText(node: any): string | null {
    const lits = literalsOf(node, constants);
    if (lits.length !== 1 || lits[0].node.type === 'TemplateLiteral') return null;
    return edit.textOf(lits[0].node);
  }

  function manualAlias(reg: RouteRegistration): void {
    ctx.manual(reg.line, `${describe(reg)}: keepAlias cannot add ${pair.from} beside ${pair.to} in this form; renamed only, register ${pair.from} yourself if old probes still use it`);
    renameRoute(reg);
  }

  function isInArray(reg: RouteRegistration): boolean {
    return reg.call.node.arguments[0]?.type === 'ArrayExpression';
  }

  // Other places the path is requested or compared: requests, tests, constants, skip lists, regexes.
  const feeds = identifiersFeedingRequests(ctx, root);
  const visit = (p: ASTPath<any>) => {
    const node = p.node;
    if (handled.has(node)) return;
    let mode = contextOf(p, feeds, nestFile);
    if (mode === 'skip') return;
    // A regex that spells `\/healthz` is a path pattern wherever it is.
    if (node.type === 'RegExpLiteral') mode = 'url';
    if (mode === 'title') {
      // A title follows the requests of its file: it stays when they stay.
      if (verdict.action === 'rename') ctx.changed(rewriteTitle(edit, node, pair));
      return;
    }
    const line = lineOf(node);
    if (mode === null) {
      if (verdict.action !== 'rename' || node.type === 'RegExpLiteral' || preview(node, pair, 'url').count === 0) return;
      const text = literalText(node).replace(new RegExp(HOLE, 'g'), '${…}');
      const message = `'${text}' left as is: not a route, request or health setting shipshape recognises; change it to ${pair.to} if it names the health route`;
      // A bare path in runtime code (a class field a router reads) may be the route itself.
      if (owner && text.startsWith('/') && ctx.role !== 'test') stuck(line, message);
      else ctx.manual(line, message);
      return;
    }
    const would = preview(node, pair, mode);
    if (would.count > 0 && verdict.action !== 'rename') {
      held(line, requestWhat(p));
      return;
    }
    if (would.count > 0 && kept(line)) {
      if (owner && would.before.startsWith('/')) stuck(line, `'${would.before}' is kept by its comment`);
      else ctx.manual(line, `'${would.before}' kept by its comment`);
      return;
    }
    const n = rewrite(node, mode);
    ctx.changed(n);
    if (n > 0 && would.before.startsWith('/')) fate({ kind: 'moved', line });
    // `if (req.url === '/health')` in a plain http server and hapi's `{ method: 'GET', path: '/health' }` serve that path.
    const parentType = p.parent?.node.type;
    if ((parentType === 'BinaryExpression' || parentType === 'SwitchCase' || isRouteObjectPath(p)) && node.type === 'StringLiteral' && servesRoutes(ctx)) {
      const path = textNow(node).replace(/[?#].*$/, '');
      if (path.startsWith('/')) ctx.record({ kind: 'route', path, line } satisfies RouteRecord);
    }
  };
  root.find(j.StringLiteral).forEach(visit);
  root.find(j.TemplateLiteral).forEach(visit);
  root.find(j.RegExpLiteral).forEach(visit);

  // Report: every route the file serves after the run, for the probe check of finalize.
  if (!servesRoutes(ctx)) return;
  for (const reg of regs) {
    if (reg.framework === 'nest' && reg.method === 'Controller') continue;
    const served = servedPaths(reg, constants, currentText);
    if (withAlias.has(reg)) for (const old of servedPaths(reg, constants, originalText)) if (!served.includes(old)) served.push(old);
    for (const path of served) {
      if (path.includes(HOLE)) continue;
      const record: RouteRecord = path.startsWith(REGEX) ? { kind: 'route', regex: path.slice(REGEX.length), line: reg.line } : { kind: 'route', path, line: reg.line, prefix: reg.prefix };
      ctx.record(record);
    }
  }
  for (const c of copies) ctx.record({ kind: 'route', path: c.path, line: c.reg.line, prefix: c.reg.prefix } satisfies RouteRecord);
}

/** A node's text moved from lines indented `from` to lines indented `to` (its first line is placed by the caller). */
function reindented(text: string, from: string, to: string): string {
  return text.replace(/\n([ \t]*)/g, (m, indent: string) => (indent.startsWith(from) ? `\n${to}${indent.slice(from.length)}` : m));
}

function describe(reg: RouteRegistration): string {
  if (reg.framework === 'nest') return `@${reg.method}() of ${reg.object.replace(/^class /, '')}`;
  return `${reg.object}.${reg.method}()`;
}

function statementOf(call: ASTPath<any>): ASTPath<any> | null {
  let p: ASTPath<any> = call;
  // `fastify.get(...)`, `await fastify.route(...)`, `server.route(...);`
  while (p.parent && (p.parent.node.type === 'AwaitExpression' || p.parent.node.type === 'ChainExpression')) p = p.parent;
  return p.parent?.node.type === 'ExpressionStatement' && p.parent.node.expression === p.node ? p.parent : null;
}

/** What a held literal is, for the list in the route's manual item. */
function requestWhat(p: ASTPath<any>): string {
  let parent = p.parent;
  while (parent && /^(TSAsExpression|TSSatisfiesExpression|ParenthesizedExpression|LogicalExpression|ConditionalExpression)$/.test(parent.node.type)) parent = parent.parent;
  const node = parent?.node;
  if (node && /CallExpression$/.test(node.type)) {
    const name = calleeName(node.callee);
    if (name) return `${name}() request`;
  }
  return 'reference';
}

/** A string under `path`/`url` of an object that also has `method` or `handler`: a route definition. */
function isRouteObjectPath(p: ASTPath<any>): boolean {
  const prop = p.parent?.node;
  if (!prop || (prop.type !== 'ObjectProperty' && prop.type !== 'Property') || prop.value !== p.node) return false;
  const key = prop.key.name ?? prop.key.value;
  if (key !== 'path' && key !== 'url') return false;
  const obj = p.parent.parent?.node;
  return obj?.type === 'ObjectExpression' && obj.properties.some((q: any) => /^(method|handler)$/.test(q.key?.name ?? q.key?.value ?? ''));
}

function calleeName(callee: any): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

function isModuleCall(call: any): boolean {
  const c = call.callee;
  if (c.type === 'Import') return true;
  if (c.type === 'Identifier' && c.name === 'require') return true;
  if (c.type === 'MemberExpression' && c.object.type === 'Identifier') {
    if (c.object.name === 'require' || /^(jest|vi)$/.test(c.object.name)) return true;
    if (/^(path|fs|fsp|fsPromises)$/.test(c.object.name)) return true;
  }
  return false;
}

function isUrlish(node: any): boolean {
  if (!node) return false;
  if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') return !node.computed && URL_PROPS.has(node.property.name);
  if (node.type === 'Identifier') return URL_VARS.test(node.name);
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') return isUrlish(node.callee.object);
  return false;
}

/** How a request/route call uses its first argument: names of identifiers that feed requests. */
function identifiersFeedingRequests(ctx: AstContext, root: Collection<any>): Set<string> {
  const j = ctx.j;
  const names = new Set<string>();
  const take = (node: any) => {
    if (node?.type === 'Identifier') names.add(node.name);
    if (node?.type === 'TemplateLiteral') node.expressions.forEach(take);
    if (node?.type === 'BinaryExpression' && node.operator === '+') {
      take(node.left);
      take(node.right);
    }
  };
  root.find(j.CallExpression).forEach((p: any) => {
    const name = calleeName(p.node.callee);
    if (name === null || isModuleCall(p.node)) return;
    if ((p.node.callee.type === 'Identifier' && REQUEST_FUNCS.test(name)) || (p.node.callee.type === 'MemberExpression' && REQUEST_METHODS.has(name))) take(p.node.arguments[0]);
  });
  root.find(j.NewExpression).forEach((p: any) => {
    if (p.node.callee.type === 'Identifier' && /^(URL|Request)$/.test(p.node.callee.name)) take(p.node.arguments[0]);
  });
  root.find(j.ObjectProperty).forEach((p: any) => {
    const key = p.node.key.name ?? p.node.key.value;
    if (!p.node.computed && typeof key === 'string' && PATH_KEYS.test(key)) take(p.node.value);
  });
  return names;
}

/**
 * Where a literal sits decides whether it is rewritten: 'url' (a route, request, comparison with
 * the request path, health setting), 'nest' (a NestJS path without its leading slash), 'title' (a
 * test name), 'skip' (module specifiers, keys, types), or null (left as is, reported when it looks
 * like the path).
 */
function contextOf(p: ASTPath<any>, feeds: Set<string>, nestFile: boolean): Mode | 'title' | 'skip' | null {
  const node = p.node;
  let child = p;
  let parentPath = p.parent;
  // Look through `x as const`, parentheses and `a || '/healthz'` defaults.
  while (parentPath && /^(TSAsExpression|TSSatisfiesExpression|ParenthesizedExpression|LogicalExpression|ConditionalExpression)$/.test(parentPath.node.type)) {
    child = parentPath;
    parentPath = parentPath.parent;
  }
  const parent = parentPath?.node;
  if (!parent) return null;
  switch (parent.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
    case 'TSLiteralType':
    case 'TSImportType':
    case 'Directive':
      return 'skip';
    case 'TemplateLiteral':
      return 'skip';
    case 'ObjectProperty':
    case 'Property': {
      // A key is a name, not a value: `{ '/healthz': handler }` is reported, never renamed.
      if (parent.key === child.node) return null;
      const key = parent.computed ? null : (parent.key.name ?? parent.key.value);
      if (typeof key !== 'string') return null;
      if (PATH_KEYS.test(key) || HEALTH_NAME.test(key)) return nestFile && key === 'path' && !String(node.value ?? '').startsWith('/') ? 'nest' : 'url';
      return null;
    }
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression': {
      if (parent.type !== 'NewExpression' && isModuleCall(parent)) return 'skip';
      const name = calleeName(parent.callee);
      const first = parent.arguments[0] === child.node;
      const key = parent.arguments[0];
      if (parent.arguments[1] === child.node && key?.type === 'StringLiteral' && SETTING_KEY.test(key.value)) return 'url';
      if (name === null || !first) return null;
      if (parent.type === 'NewExpression') return /^(URL|Request|RegExp)$/.test(name) ? 'url' : null;
      if (TEST_TITLES.has(name) || (parent.callee.type === 'MemberExpression' && parent.callee.object.type === 'Identifier' && TEST_TITLES.has(parent.callee.object.name))) return 'title';
      if (parent.callee.type === 'Identifier' && REQUEST_FUNCS.test(name)) return 'url';
      if (parent.callee.type === 'MemberExpression' && REQUEST_METHODS.has(name)) return 'url';
      // `request.get(...)`, `got.post(...)`, a test helper's `get.debug(...)`
      if (parent.callee.type === 'MemberExpression' && parent.callee.object.type === 'Identifier' && REQUEST_FUNCS.test(parent.callee.object.name)) return 'url';
      if (/^(startsWith|endsWith|includes|indexOf|test|match)$/.test(name) && isUrlish(parent.callee.object)) return 'url';
      if (name === 'setGlobalPrefix') return null;
      return null;
    }
    case 'BinaryExpression': {
      if (!/^[!=]==?$/.test(parent.operator)) return null;
      const other = parent.left === child.node ? parent.right : parent.left;
      return isUrlish(other) ? 'url' : null;
    }
    case 'SwitchCase':
      return isUrlish(parentPath!.parent?.node?.discriminant) ? 'url' : null;
    case 'VariableDeclarator': {
      const name = parent.id.type === 'Identifier' ? parent.id.name : '';
      return HEALTH_NAME.test(name) || feeds.has(name) ? 'url' : null;
    }
    case 'AssignmentExpression': {
      const left = parent.left;
      const name = left.type === 'Identifier' ? left.name : left.type === 'MemberExpression' && !left.computed ? left.property.name : '';
      return HEALTH_NAME.test(name) || URL_PROPS.has(name) ? 'url' : null;
    }
    case 'ArrayExpression':
      return arrayContext(parentPath!, nestFile, node);
    default:
      return node.type === 'RegExpLiteral' ? 'url' : null;
  }
}

/** An element of a list of paths: `ignorePaths: ['/healthz']`, `PUBLIC = [...]`, `[...].includes(req.path)`. */
function arrayContext(arrayPath: ASTPath<any>, nestFile: boolean, node: any): Mode | null {
  let holder = arrayPath.parent;
  while (holder && /^(TSAsExpression|TSSatisfiesExpression)$/.test(holder.node.type)) holder = holder.parent;
  const h = holder?.node;
  const bare = node.type === 'StringLiteral' && !node.value.startsWith('/') && !/:\/\//.test(node.value);
  let named = false;
  if (h?.type === 'ObjectProperty' || h?.type === 'Property') named = !h.computed && LIST_NAME.test(h.key.name ?? h.key.value ?? '');
  else if (h?.type === 'VariableDeclarator') named = h.id.type === 'Identifier' && LIST_NAME.test(h.id.name);
  else if (h?.type === 'MemberExpression' && h.object === arrayPath.node) {
    const call = holder!.parent?.node;
    named = call?.type === 'CallExpression' && /^(includes|indexOf|some|find)$/.test(h.property.name ?? '') && (call.arguments.some(isUrlish) || call.arguments.some((a: any) => /Function/.test(a.type)));
  }
  if (!named) return node.type === 'RegExpLiteral' ? 'url' : null;
  if (bare) return nestFile ? 'nest' : null;
  return 'url';
}

