import type { ASTPath, Collection } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { enclosingStatement, isShadowed, lineOf } from '../../src/ast/scope';
import { inSemicolonStyle, quoteString } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import type { Adopted } from './adopt';
import type { Importer } from './importer';
import { unhandledOutgoing } from './model-facts';

/**
 * Calls to other services carry the ID of the request being handled, read from the
 * AsyncLocalStorage the middleware fills (getCorrelationId()): an axios instance gets a request
 * interceptor once, where it is created; a call that goes out on its own (axios.get, got, undici,
 * fetch, http.request) has no one place to hook, and is reported with the header to add.
 */

/** Text mentions that mean the call or instance already sends an ID. */
function sendsId(ctx: AstContext, node: any, header: string): boolean {
  const text = ctx.edit!.textOf(node);
  return text.toLowerCase().includes(header) || /getCorrelationId|correlationId|requestId|rTracer\.id/.test(text);
}

const AXIOS_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate']);

interface DirectCall {
  client: string;
  path: ASTPath<any>;
}

/** `axios(...)`, `axios.get(...)`, `got(...)`, `got.post(...)`, `fetch(...)`, undici's `request`/`fetch`, `http.request`/`https.get`. */
function directCalls(root: Collection<any>, ctx: AstContext): DirectCall[] {
  const j = ctx.j;
  const axios = moduleBindings(j, root, ['axios']);
  const got = moduleBindings(j, root, ['got']);
  const undici = moduleBindings(j, root, ['undici']);
  const http = moduleBindings(j, root, ['http', 'https', 'node:http', 'node:https']);
  const undiciNamed = new Set([...undici.named].filter(([, n]) => ['request', 'fetch', 'stream'].includes(n)).map(([l]) => l));
  const httpNamed = new Set([...http.named].filter(([, n]) => n === 'request' || n === 'get').map(([l]) => l));
  const found: DirectCall[] = [];
  root.find(j.CallExpression).forEach((p: ASTPath<any>) => {
    const callee = p.node.callee;
    if (callee.type === 'Identifier') {
      const name = callee.name;
      if (axios.whole.has(name)) found.push({ client: 'axios', path: p });
      else if (got.whole.has(name)) found.push({ client: 'got', path: p });
      else if (undiciNamed.has(name)) found.push({ client: 'undici', path: p });
      else if (httpNamed.has(name)) found.push({ client: 'http', path: p });
      else if (name === 'fetch' && !isShadowed(p, 'fetch')) found.push({ client: 'fetch', path: p });
      return;
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier') return;
    const object = callee.object.name;
    const method = callee.property.name;
    if (axios.whole.has(object) && AXIOS_METHODS.has(method)) found.push({ client: 'axios', path: p });
    else if (got.whole.has(object) && GOT_METHODS.has(method)) found.push({ client: 'got', path: p });
    else if (undici.whole.has(object) && ['request', 'fetch', 'stream'].includes(method)) found.push({ client: 'undici', path: p });
    else if (http.whole.has(object) && (method === 'request' || method === 'get')) found.push({ client: 'http', path: p });
  });
  return found;
}

/** `const api = axios.create(...)` (also `this.api = axios.create(...)` and `export const`): the instance and the statement. */
function axiosInstances(root: Collection<any>, ctx: AstContext): { name: string; path: ASTPath<any> }[] {
  const j = ctx.j;
  const axios = moduleBindings(j, root, ['axios']);
  if (axios.whole.size === 0) return [];
  const found: { name: string; path: ASTPath<any> }[] = [];
  root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'create' } } })
    .forEach((p: ASTPath<any>) => {
      const callee = p.node.callee;
      if (callee.object.type !== 'Identifier' || !axios.whole.has(callee.object.name)) return;
      const parent = p.parent.node;
      if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') found.push({ name: parent.id.name, path: p });
      else if (parent.type === 'AssignmentExpression' && parent.right === p.node) found.push({ name: ctx.edit!.textOf(parent.left), path: p });
      else found.push({ name: '', path: p });
    });
  return found;
}

/** The interceptor statement for `instance`, compiling against axios 0.x and 1.x typings. */
function interceptorCode(ctx: AstContext, instance: string, getter: string, header: string): string {
  const h = quoteString(header, ctx.style);
  const i = ctx.style.indent;
  // `config.headers` is optional in axios 0.x typings and always set at run time.
  return `${instance}.interceptors.request.use((config) => {\n${i}const id = ${getter}();\n${i}if (id && config.headers) config.headers[${h}] = id;\n${i}return config;\n});`;
}

/**
 * Installs the interceptor on each axios instance and reports each direct call. `importer` is the
 * correlation module's `getCorrelationId` when shipshape knows it exports one (it scaffolded it);
 * without it, or when the app keeps another mechanism, instances are reported too.
 */
export function forwardOutgoing(root: Collection<any>, ctx: AstContext, importer: Importer | null, adopted: Adopted[], withoutModule = false): void {
  const j = ctx.j;
  const own = adopted[0];
  const header: string = (own?.header ?? ctx.options.header).toLowerCase();
  const read = own ? (own.getter ?? (own.requestProperty ? `req.${own.requestProperty}` : 'the request ID')) : withoutModule ? "the incoming request's ID (request.id in Fastify)" : 'getCorrelationId()';
  const seen = new Map<string, number>();
  const count = (client: string) => seen.set(client, (seen.get(client) ?? 0) + 1);
  for (const instance of axiosInstances(root, ctx)) {
    const line = lineOf(instance.path.node);
    count('axios');
    const interceptors = instance.name ? `${instance.name}.interceptors.request.use` : '';
    const hooked = interceptors && root.find(j.CallExpression).filter((p: any) => sendsId(ctx, p.node, header) && ctx.edit!.textOf(p.node.callee) === interceptors).size() > 0;
    if (hooked || sendsId(ctx, instance.path.node, header)) continue;
    const found = instance.name && !instance.name.includes('.') ? enclosingStatement(instance.path) : null;
    if (!importer || own || !found) {
      ctx.manual(
        line,
        `axios instance ${instance.name || '(unnamed)'} calls other services without the correlation ID: add a request interceptor that sets ${header} from ${read}`,
      );
      continue;
    }
    const getter = importer.ensure();
    insertPlacedEdit(ctx, found.body, found.index + 1, inSemicolonStyle(interceptorCode(ctx, instance.name, getter, header), ctx.style), 'after', { spaced: true });
    ctx.changed();
  }
  for (const call of directCalls(root, ctx)) {
    count(call.client);
    if (call.path.node.arguments.some((a: any) => sendsId(ctx, a, header))) continue;
    ctx.manual(
      lineOf(call.path.node),
      `outgoing ${call.client} call without the correlation ID: send ${header} with ${read} in its headers (or route it through an axios instance shipshape can intercept)`,
    );
  }
  for (const call of unhandledOutgoing(ctx, seen)) {
    ctx.manual(call.line, `outgoing ${call.client} call (found by the fleet model) without the correlation ID: send ${header} with ${read} in its headers`);
  }
}
