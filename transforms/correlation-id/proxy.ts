import type { ASTPath, Collection } from 'jscodeshift';
import { isFactoryCall, moduleBindings } from '../../src/ast/apps';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { freeName, lineOf } from '../../src/ast/scope';
import { inSemicolonStyle, quoteString } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import { addArgument, addParameters, addProperty, findProperty, firstLineOf, localFunction, newObject, objectLiteralOf, rangeWithParens } from './objects';
import { hpmApi } from './proxy-version';
import type { Adopted } from './adopt';

/** One proxy library's request hook: its option name and the line that forwards the header. */
interface Hook {
  /** What the report calls it: `onProxyReq`, `on.proxyReq`, `proxyReqOptDecorator`. */
  label: string;
  /** Parameter names for a new hook: the outgoing request (or its options) and the incoming request. */
  params: [string, string];
  /** The forwarding statement for the hook's own parameter names. */
  line(target: string, req: string): string;
  /** express-http-proxy's decorator must return the options it was given. */
  returns: boolean;
}

/**
 * How a hook reads the ID from the incoming request: `req.correlationId` (typed by the scaffold), or
 * the property an adopted mechanism sets (`req.id`), which Node's request type does not declare.
 */
function idOf(ctx: AstContext, req: string): { test: string; value: string } {
  const property: string = ctx.options.idProperty ?? 'correlationId';
  if (property === 'correlationId') return { test: `${req}.correlationId`, value: `${req}.correlationId` };
  const read = /\.[cm]?tsx?$/.test(ctx.path) ? `(${req} as { ${property}?: unknown }).${property}` : `${req}.${property}`;
  return { test: read, value: `String(${read})` };
}

function hpmHook(ctx: AstContext, label: string): Hook {
  const header = quoteString(ctx.options.header, ctx.style);
  return {
    label,
    params: ['proxyReq', 'req'],
    // An undefined header value makes Node throw, so the line only runs behind the middleware.
    line: (proxyReq, req) => `if (${idOf(ctx, req).test}) ${proxyReq}.setHeader(${header}, ${idOf(ctx, req).value});`,
    returns: false,
  };
}

function decoratorHook(ctx: AstContext): Hook {
  const header = quoteString(ctx.options.header, ctx.style);
  return {
    label: 'proxyReqOptDecorator',
    params: ['proxyReqOpts', 'srcReq'],
    line: (opts, req) => `if (${idOf(ctx, req).test}) ${opts}.headers = { ...${opts}.headers, ${header}: ${idOf(ctx, req).value} };`,
    returns: true,
  };
}

/**
 * Hooks and options objects already given the forwarding line in this tree: the edits leave the tree
 * as parsed, so a hook two proxies share (or one options `const` two proxies take) must not get it twice.
 */
const forwarded = new WeakSet<object>();

/** Whether the options already mention the header (a hook or a `headers` entry that sets it). */
function forwardsAlready(ctx: AstContext, options: any): boolean {
  const header = ctx.options.header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`['"\`]${header}['"\`]`, 'i').test(ctx.edit!.textOf(options));
}

/** The text of a new hook function, in the file's indentation. */
function newHookCode(ctx: AstContext, hook: Hook): string {
  const [target, req] = hook.params;
  const lines = [hook.line(target, req), ...(hook.returns ? [`return ${target};`] : [])];
  return inSemicolonStyle(`(${target}, ${req}) => {\n${lines.map((l) => ctx.style.indent + l).join('\n')}\n}`, ctx.style);
}

/**
 * Adds the forwarding line at the start of an existing hook (its body is kept), adding the request
 * parameter when the hook does not take it. 'present' when the hook already sets the header, 'no'
 * when it is not a function this can edit.
 */
function extendHook(ctx: AstContext, fn: any, hook: Hook): 'extended' | 'present' | 'no' {
  const j = ctx.j;
  const edit = ctx.edit!;
  if (!['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration', 'ObjectMethod'].includes(fn?.type)) return 'no';
  if (forwarded.has(fn) || forwardsAlready(ctx, fn)) return 'present';
  forwarded.add(fn);
  const params = fn.params;
  if (params.slice(0, 2).some((p: any) => p.type !== 'Identifier')) return 'no';
  const names: string[] = params.slice(0, 2).map((p: any) => p.name);
  const added: string[] = [];
  while (names.length < 2) {
    const name = freeName(j, j(fn), hook.params[names.length], names);
    names.push(name);
    added.push(name);
  }
  if (added.length) addParameters(ctx, fn, added);
  const line = inSemicolonStyle(hook.line(names[0], names[1]), ctx.style);
  const body = fn.body;
  if (body.type !== 'BlockStatement') {
    // An expression body becomes a block that forwards the ID and returns the expression.
    const base = edit.indentAt(fn);
    const inner = base + ctx.style.indent;
    const range = rangeWithParens(ctx, body);
    const returned = inSemicolonStyle(`return ${ctx.source.slice(range.start, range.end)};`, ctx.style);
    edit.replace(range, `{\n${inner}${line}\n${inner}${returned}\n${base}}`);
  } else if (!edit.textOf(body).includes('\n')) {
    // A one-line body stays on one line.
    const inner = edit.textOf(body).slice(1, -1).trim();
    edit.replace(body, inner ? `{ ${hook.line(names[0], names[1])} ${inner} }` : `{ ${hook.line(names[0], names[1])} }`);
  } else {
    insertPlacedEdit(ctx, body.body, 0, line, 'before', { block: body });
  }
  return 'extended';
}

/**
 * A hook that is a library function (`on: { proxyReq: fixRequestBody }`) becomes a hook that
 * forwards the header and then calls it, on one line when the options are written on one line.
 */
function wrapHook(ctx: AstContext, property: any, hook: Hook, container: any): void {
  const [target, req] = hook.params;
  const call = `${ctx.edit!.textOf(property.value)}(${target}, ${req});`;
  const oneLine = !ctx.edit!.textOf(container).includes('\n');
  const base = ctx.edit!.indentAt(property);
  const i = ctx.style.indent;
  const code = oneLine
    ? `(${target}, ${req}) => { ${hook.line(target, req)} ${call} }`
    : `(${target}, ${req}) => {\n${base}${i}${inSemicolonStyle(hook.line(target, req), ctx.style)}\n${base}${i}${inSemicolonStyle(call, ctx.style)}\n${base}}`;
  ctx.edit!.replace(property.value, code);
}

/** Puts `hook` under `key` of `options`: extends the existing hook, else adds a new one. */
function addHook(ctx: AstContext, options: any, key: string, hook: Hook, at: ASTPath<any>, wrappable: Set<string> = new Set()): void {
  const existing = findProperty(options, key);
  if (!existing) {
    addProperty(ctx, options, `${key}: ${newHookCode(ctx, hook)}`, 'end');
    ctx.changed();
    return;
  }
  let fn = existing.type === 'ObjectMethod' ? existing : existing.value;
  if (fn?.type === 'Identifier' && wrappable.has(fn.name)) {
    wrapHook(ctx, existing, hook, options);
    ctx.changed();
    return;
  }
  if (fn?.type === 'Identifier') fn = localFunction(fn.name, at) ?? fn;
  const result = extendHook(ctx, fn, hook);
  if (result === 'extended') ctx.changed();
  if (result !== 'no') return;
  const [target, req] = hook.params;
  ctx.manual(
    lineOf(existing) || lineOf(at.node),
    `proxy hook ${hook.label} is ${firstLineOf(ctx, fn)}, not a function written here; forward the correlation ID in it: ${hook.line(target, req)}`,
  );
}

/** http-proxy-middleware: `createProxyMiddleware({...})` (also v0/v1 `proxy(context, {...})`, v2's legacy factory). */
function forwardHpm(root: Collection<any>, ctx: AstContext, foreign: Adopted | null): void {
  const j = ctx.j;
  const hpm = moduleBindings(j, root, ['http-proxy-middleware']);
  if (hpm.whole.size === 0 && hpm.named.size === 0) return;
  // http-proxy-middleware's own (proxyReq, req) helpers, e.g. fixRequestBody.
  const helpers = new Set([...hpm.named].filter(([, imported]) => imported === 'fixRequestBody').map(([local]) => local));
  root.find(j.CallExpression).forEach((p: ASTPath<any>) => {
    const call = p.node;
    if (!isFactoryCall(call, hpm, ['createProxyMiddleware', 'legacyCreateProxyMiddleware'])) return;
    const calleeName = call.callee.type === 'Identifier' ? (hpm.named.get(call.callee.name) ?? 'default') : call.callee.property?.name;
    const legacy = calleeName !== 'createProxyMiddleware';
    const last = call.arguments[call.arguments.length - 1];
    const options = last ? objectLiteralOf(last, p) : null;
    if (!options) {
      ctx.manual(
        lineOf(call),
        `proxy options ${last ? `(${firstLineOf(ctx, last)}) are not an object literal` : 'are missing'}; forward the correlation ID in its proxyReq hook: ${hpmHook(ctx, 'proxyReq').line('proxyReq', 'req')}`,
      );
      return;
    }
    if (forwarded.has(options) || forwardsAlready(ctx, options) || reportForeign(ctx, call, foreign)) return;
    forwarded.add(options);
    if (hpmApi(options, ctx.path, ctx.root, legacy) === 'v2') {
      addHook(ctx, options, 'onProxyReq', hpmHook(ctx, 'onProxyReq'), p, helpers);
      return;
    }
    const on = findProperty(options, 'on');
    if (!on) {
      const comma = ctx.style.trailingComma ? ',' : '';
      const handler = `proxyReq: ${newHookCode(ctx, hpmHook(ctx, 'on.proxyReq'))}`.split('\n').map((l) => ctx.style.indent + l).join('\n');
      addProperty(ctx, options, `on: {\n${handler}${comma}\n}`, 'end');
      ctx.changed();
    } else if (on.value?.type === 'ObjectExpression') {
      addHook(ctx, on.value, 'proxyReq', hpmHook(ctx, 'on.proxyReq'), p, helpers);
    } else {
      ctx.manual(lineOf(on), `proxy event handlers come from ${firstLineOf(ctx, on.value ?? on)}; forward the correlation ID in their proxyReq handler`);
    }
  });
}

/** express-http-proxy: `proxy(host, { proxyReqOptDecorator })`. */
function forwardExpressHttpProxy(root: Collection<any>, ctx: AstContext, foreign: Adopted | null): void {
  const j = ctx.j;
  const xhp = moduleBindings(j, root, ['express-http-proxy']);
  if (xhp.whole.size === 0) return;
  const hook = decoratorHook(ctx);
  root.find(j.CallExpression).forEach((p: ASTPath<any>) => {
    const call = p.node;
    if (call.callee.type !== 'Identifier' || !xhp.whole.has(call.callee.name) || call.arguments.length === 0) return;
    if (call.arguments.length > 1 && forwardsAlready(ctx, call.arguments[1])) return;
    if (reportForeign(ctx, call, foreign)) return;
    if (call.arguments.length === 1) {
      addArgument(ctx, call, newObject(ctx, call, `proxyReqOptDecorator: ${newHookCode(ctx, hook)}`));
      ctx.changed();
      return;
    }
    const options = objectLiteralOf(call.arguments[1], p);
    if (!options) {
      ctx.manual(lineOf(call), `proxy options (${firstLineOf(ctx, call.arguments[1])}) are not an object literal; forward the correlation ID in proxyReqOptDecorator: ${hook.line('proxyReqOpts', 'srcReq')}`);
      return;
    }
    if (forwarded.has(options) || forwardsAlready(ctx, options)) return;
    forwarded.add(options);
    addHook(ctx, options, 'proxyReqOptDecorator', hook, p);
  });
}

/**
 * The gateway forwards `<header>` from `req.correlationId` on every proxied request. When the
 * file's app keeps its own request-ID mechanism, the proxies forward its ID under its header when
 * the code shows both (`req.id` as `x-request-id` for express-request-id); otherwise each proxy is
 * reported, to forward that mechanism's ID by hand.
 */
export function forwardThroughProxies(root: Collection<any>, ctx: AstContext, adopted: Adopted[]): void {
  const own = adopted[0];
  const usable = own?.header && own.requestProperty ? own : null;
  const fwd: AstContext = usable ? { ...ctx, options: { ...ctx.options, header: usable.header, idProperty: usable.requestProperty } } : ctx;
  const foreign = own && !usable ? own : null;
  forwardHpm(root, fwd, foreign);
  forwardExpressHttpProxy(root, fwd, foreign);
}

function reportForeign(ctx: AstContext, call: any, foreign: Adopted | null): boolean {
  if (!foreign) return false;
  const how = foreign.getter ? ` (read it with ${foreign.getter})` : '';
  ctx.manual(
    lineOf(call),
    `this gateway's app uses ${foreign.text} for request IDs, which does not set req.correlationId; forward that ID${how} as ${foreign.header ?? ctx.options.header} in this proxy's request hook`,
  );
  return true;
}
