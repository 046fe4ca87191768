import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findCreations, isFactoryCall, moduleBindings, objectName } from './apps';

/**
 * Route registrations of a file, whatever the framework: Express apps and routers, Fastify, Koa
 * routers, hapi servers and NestJS controllers, with the object they are registered on (routes on
 * the same object answer the same requests, so a rename must not make two of them collide).
 */
export type Framework = 'express' | 'fastify' | 'koa' | 'hapi' | 'nest' | 'unknown';

export interface RouteRegistration {
  framework: Framework;
  /** `app`, `router`, `this.app`, `server`; for NestJS `class HealthController`. */
  object: string;
  /** `get`, `all`, `use`, `route`, ...; for NestJS the decorator name (`Get`, `Controller`). */
  method: string;
  /** The call (or decorator) that registers the route. */
  call: ASTPath<any>;
  /** The node that holds the path: a string, template, regex, array or identifier; null for `@Get()`. */
  pathNode: any;
  /** For `route({ url })` / `route([{ path }])`: the object literal that describes the route. */
  routeObject?: any;
  /** For NestJS method decorators: the controller's path node, if any. */
  controllerPath?: any;
  /** True for `use` and `@Controller`: the path is a prefix of the routes below it. */
  prefix: boolean;
  line: number;
}

/** HTTP verbs and the path-taking router methods. */
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use', 'route']);
const NEST_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All', 'Controller']);

/** Objects that send requests rather than serve them: `axios.get('/x')` is a request, not a route. */
export const CLIENT_NAMES = /^(axios|http|https|got|superagent|request|req|agent|client|fetch|ky|needle|supertest|httpClient|http[A-Z]\w*|\w*Client|\w*client|\w*Agent|\w*agent|\w*Service|\w*service|api[A-Z]\w*|this\.http\w*)$/;
const SERVER_NAMES = /(^|\.)(app|server|router|routes|fastify|api|instance|koa|hapi|\w*Router|\w*router|\w*App|\w*app|\w*Server|\w*server)$/;

const EXPRESS = ['express'];
const FASTIFY = ['fastify'];
const KOA_ROUTER = ['@koa/router', 'koa-router', 'koa-tree-router'];
const HAPI = ['@hapi/hapi', 'hapi'];

function isFunctionLike(node: any): boolean {
  return node && /^(ArrowFunctionExpression|FunctionExpression)$/.test(node.type);
}

function isHandlerLike(node: any): boolean {
  if (!node) return false;
  if (isFunctionLike(node)) return true;
  if (node.type === 'Identifier' || node.type === 'MemberExpression' || node.type === 'CallExpression') return true;
  if (node.type === 'ArrayExpression') return node.elements.some(isHandlerLike);
  return false;
}

function isPathNode(node: any): boolean {
  return (
    node &&
    ((node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) ||
      node.type === 'TemplateLiteral' ||
      node.type === 'RegExpLiteral' ||
      (node.type === 'Literal' && node.regex) ||
      node.type === 'Identifier' ||
      node.type === 'MemberExpression' ||
      node.type === 'ArrayExpression')
  );
}

function propertyNamed(obj: any, name: string): any {
  if (obj?.type !== 'ObjectExpression') return null;
  return obj.properties.find((p: any) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && (p.key.name ?? p.key.value) === name) ?? null;
}

/** Which framework each object of the file belongs to, from how it was created. */
function creations(j: JSCodeshift, root: Collection<any>): Map<string, Framework> {
  const found = new Map<string, Framework>();
  const express = moduleBindings(j, root, EXPRESS);
  const fastify = moduleBindings(j, root, FASTIFY);
  const koaRouter = moduleBindings(j, root, KOA_ROUTER);
  const hapi = moduleBindings(j, root, HAPI);
  const isExpressRouter = (call: any) =>
    call?.type === 'CallExpression' &&
    ((call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && express.whole.has(call.callee.object.name) && call.callee.property.name === 'Router') ||
      (call.callee.type === 'Identifier' && express.named.get(call.callee.name) === 'Router'));
  // Without a binding of the framework no call can create one of its apps: skip the tree walk.
  const bound = (b: typeof express) => b.whole.size > 0 || b.named.size > 0;
  if (bound(express)) for (const c of findCreations(j, root, (call) => isFactoryCall(call, express) || isExpressRouter(call))) found.set(c.name, 'express');
  if (bound(fastify)) for (const c of findCreations(j, root, (call) => isFactoryCall(call, fastify, ['fastify']))) found.set(c.name, 'fastify');
  const isNew = (node: any, b: typeof koaRouter, named: string[]) =>
    node?.type === 'NewExpression' && isFactoryCall({ ...node, type: 'CallExpression' }, b, named);
  if (bound(koaRouter)) for (const c of findCreations(j, root, (n) => isNew(n, koaRouter, ['Router', 'default']))) found.set(c.name, 'koa');
  if (bound(hapi)) for (const c of findCreations(j, root, (n) => isNew(n, hapi, ['Server']) || hapiServerCall(n, hapi))) found.set(c.name, 'hapi');
  return found;
}

function hapiServerCall(node: any, hapi: ReturnType<typeof moduleBindings>): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && hapi.whole.has(callee.object.name)) return /^(server|Server)$/.test(callee.property.name);
  return callee.type === 'Identifier' && /^(server|Server)$/.test(hapi.named.get(callee.name) ?? '');
}

/** The framework the file as a whole uses, for objects created elsewhere (`fastify` plugin parameters). */
export function fileFramework(source: string): Framework {
  if (/from\s+['"]@nestjs\/|require\(\s*['"]@nestjs\//.test(source)) return 'nest';
  if (/['"](fastify|fastify-plugin)['"]|FastifyInstance|FastifyPluginAsync|FastifyPluginCallback/.test(source)) return 'fastify';
  if (/['"](@hapi\/hapi|hapi)['"]/.test(source)) return 'hapi';
  if (/['"](@koa\/router|koa-router|koa)['"]/.test(source)) return 'koa';
  if (/['"]express['"]/.test(source)) return 'express';
  return 'unknown';
}

/** Every route registration of the file, in source order. */
export function findRouteRegistrations(j: JSCodeshift, root: Collection<any>, source: string): RouteRegistration[] {
  const known = creations(j, root);
  const fallback = fileFramework(source);
  const found: RouteRegistration[] = [];
  root.find(j.CallExpression).forEach((p: any) => {
    const callee = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
    const method = callee.property.name;
    if (!ROUTE_METHODS.has(method)) return;
    const object = objectName(callee.object);
    if (object === null || CLIENT_NAMES.test(object)) return;
    const args = p.node.arguments;
    const framework = known.get(object) ?? (fallback === 'nest' ? 'express' : fallback);
    const onServer = known.has(object) || SERVER_NAMES.test(object);
    const line = p.node.loc?.start.line ?? 0;
    if (method === 'route' && args.length === 1 && (args[0].type === 'ObjectExpression' || args[0].type === 'ArrayExpression')) {
      // Fastify `route({ url })`, hapi `route({ path })` and `route([{ path }, ...])`.
      const objects = args[0].type === 'ArrayExpression' ? args[0].elements : [args[0]];
      for (const obj of objects) {
        const prop = propertyNamed(obj, 'url') ?? propertyNamed(obj, 'path');
        if (!prop || !isPathNode(prop.value)) continue;
        if (!onServer && !propertyNamed(obj, 'handler')) continue;
        const fw: Framework = known.get(object) ?? (propertyNamed(obj, 'url') ? 'fastify' : 'hapi');
        found.push({ framework: fw, object, method, call: p, pathNode: prop.value, routeObject: obj, prefix: false, line: prop.value.loc?.start.line ?? line });
      }
      return;
    }
    if (args.length === 0 || !isPathNode(args[0]) || args[0].type === 'MemberExpression' && !onServer) return;
    // `app.get('/x', handler)`; `app.route('/x').get(h)` has its handler on the chained call.
    const hasHandler = method === 'route' ? args.length === 1 : args.slice(1).some(isHandlerLike);
    if (!hasHandler) return;
    if (!onServer && !args.slice(1).some(isFunctionLike)) return;
    // `app.get('setting')` reads an Express setting: one string argument and no handler.
    found.push({ framework, object, method, call: p, pathNode: args[0], prefix: method === 'use', line });
  });
  root.find(j.ClassDeclaration).forEach((cp: any) => nestRoutes(cp, found));
  return found.sort((a, b) => a.line - b.line);
}

function decoratorCall(d: any): { name: string; call: any } | null {
  const e = d.expression;
  if (e?.type === 'CallExpression' && e.callee.type === 'Identifier' && NEST_DECORATORS.has(e.callee.name)) return { name: e.callee.name, call: e };
  return null;
}

/** `@Controller('healthz')` and `@Get('healthz')` (also `{ path: 'x' }` and arrays) of one class. */
function nestRoutes(cp: any, found: RouteRegistration[]): void {
  const cls = cp.node;
  const object = `class ${cls.id?.name ?? '(anonymous)'}`;
  let controllerPath: any = null;
  for (const d of cls.decorators ?? []) {
    const dc = decoratorCall(d);
    if (!dc || dc.name !== 'Controller') continue;
    const arg = dc.call.arguments[0];
    // `@Controller('x')`, `@Controller(['x', 'y'])`, `@Controller({ path: 'x', version: '1' })`; `@Controller()` has no path.
    const prop = propertyNamed(arg, 'path');
    if (!prop && !(arg && isPathNode(arg))) continue;
    controllerPath = prop ? prop.value : arg;
    const args = dc.call.arguments;
    found.push({
      framework: 'nest', object, method: 'Controller', call: cp, pathNode: controllerPath,
      prefix: true, line: d.loc?.start.line ?? 0,
    });
  }
  for (const member of cls.body.body) {
    for (const d of member.decorators ?? []) {
      const dc = decoratorCall(d);
      if (!dc || dc.name === 'Controller') continue;
      const args = dc.call.arguments;
      const arg = args[0];
      if (arg && !isPathNode(arg)) continue;
      found.push({
        framework: 'nest', object, method: dc.name, call: cp, pathNode: arg ?? null,
        controllerPath, prefix: false, line: d.loc?.start.line ?? 0,
      });
    }
  }
}
