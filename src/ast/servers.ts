import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findCreations, isFactoryCall, moduleBindings, type ModuleBindings } from './apps';
import { requireSpecifier } from './require';

/**
 * What a `.listen(...)` call starts, as far as the file tells:
 * - 'app': an Express/Koa app (or one built elsewhere): `listen` returns the http.Server;
 * - 'server': an http(s).Server already (`http.createServer(app)`): `listen` returns it too;
 * - 'fastify': a Fastify instance: `close()` drains it; `listen` returns a promise;
 * - 'nest': a NestJS application: `enableShutdownHooks()` handles signals;
 * - 'hapi': a hapi server, started by `server.start()` (the site is that call) and drained by `server.stop()`.
 */
export type ServerKind = 'app' | 'server' | 'fastify' | 'nest' | 'hapi';

export interface ListenSite {
  /** The `x.listen(...)` call. */
  path: ASTPath<any>;
  kind: ServerKind;
  /** The object `listen` is called on (`app`, `server`, `http.createServer(app)`). */
  object: any;
  /** Whether the kind was read off a creation in this file rather than guessed from a name. */
  resolved: boolean;
}

const HTTP_MODULES = ['http', 'node:http', 'https', 'node:https'];
const APP_NAME = /^(app|application|api|server|httpServer|httpsServer)$|App$|Server$/;

function isRequireOf(node: any, modules: string[]): boolean {
  return modules.includes(requireSpecifier(node) ?? '');
}

/** A call or `new` of a module's factory, also straight off a require: `require('fastify')({ logger: true })`. */
export function callsModule(node: any, bindings: ModuleBindings, modules: string[], named: string[] = []): boolean {
  if (node?.type !== 'CallExpression' && node?.type !== 'NewExpression') return false;
  if (isRequireOf(node.callee, modules)) return true;
  if (node.callee.type === 'MemberExpression' && isRequireOf(node.callee.object, modules)) {
    const prop = node.callee.property.name;
    return prop === 'default' || named.includes(prop);
  }
  return isFactoryCall({ ...node, type: 'CallExpression' }, bindings, named);
}

/** Strips `await`, `as T`, `x!` and parentheses around an expression. */
export function unwrapExpression(node: any): any {
  let n = node;
  while (n && (n.type === 'AwaitExpression' || n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'ParenthesizedExpression' || n.type === 'TSSatisfiesExpression'))
    n = n.argument ?? n.expression;
  return n;
}

export interface ServerFactories {
  kindOfCall(call: any): ServerKind | null;
  /** Whether the file imports the module at all (a name-guessed instance is then likely its). */
  imports: { fastify: boolean; nest: boolean };
}

export function serverFactories(j: JSCodeshift, root: Collection<any>): ServerFactories {
  const express = moduleBindings(j, root, ['express']);
  const koa = moduleBindings(j, root, ['koa']);
  const http = moduleBindings(j, root, HTTP_MODULES);
  const fastify = moduleBindings(j, root, ['fastify']);
  const nest = moduleBindings(j, root, ['@nestjs/core']);
  const nestFactories = new Set([...nest.named].filter(([, imported]) => imported === 'NestFactory').map(([local]) => local));
  const has = (b: ModuleBindings) => b.whole.size > 0 || b.named.size > 0;
  // `http.createServer(app)`, and the older `require('http').Server(app)` / `new http.Server(app)`.
  const isCreateServer = (call: any) => {
    if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return false;
    const c = call.callee;
    if (c.type === 'Identifier') return ['createServer', 'Server'].includes(http.named.get(c.name) ?? '');
    if (c.type !== 'MemberExpression' || c.computed || !['createServer', 'Server'].includes(c.property.name)) return false;
    return (c.object.type === 'Identifier' && http.whole.has(c.object.name)) || isRequireOf(c.object, HTTP_MODULES);
  };
  const isNestCreate = (call: any) => {
    const c = call?.type === 'CallExpression' ? call.callee : null;
    return (
      c?.type === 'MemberExpression' &&
      c.object.type === 'Identifier' &&
      nestFactories.has(c.object.name) &&
      ['create', 'createMicroservice'].includes(c.property.name)
    );
  };
  return {
    kindOfCall(call) {
      const node = unwrapExpression(call);
      if (callsModule(node, express, ['express']) || callsModule(node, koa, ['koa'])) return 'app';
      if (isCreateServer(node)) return 'server';
      if (callsModule(node, fastify, ['fastify'], ['fastify'])) return 'fastify';
      if (isNestCreate(node)) return 'nest';
      return null;
    },
    imports: { fastify: has(fastify), nest: nestFactories.size > 0 },
  };
}

function lastName(node: any): string | null {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'MemberExpression' && !node.computed) return node.property.name;
  return null;
}

/**
 * Every `x.listen(...)` call that starts an HTTP server, a Fastify instance or a Nest application:
 * on an instance created in the file (`express()`, `new Koa()`, `http.createServer(app)`, `fastify()`,
 * `NestFactory.create(...)`), or on a binding named like an app or server (`app` imported from
 * './app'). Other `listen` calls (`io.listen`, an event emitter) are not servers and are left out.
 */
export function findListenSites(j: JSCodeshift, root: Collection<any>): ListenSite[] {
  const factories = serverFactories(j, root);
  const created = new Map<string, ServerKind>();
  const otherwise = new Set<string>();
  for (const c of findCreations(j, root, (call) => factories.kindOfCall(call) !== null)) created.set(c.name, factories.kindOfCall(c.call)!);
  root.find(j.VariableDeclarator).forEach((p: any) => {
    const id = p.node.id;
    const init = unwrapExpression(p.node.init);
    // An alias or a required module (`require('./app')`) may well be an app: only other creations rule a name out.
    if (id.type !== 'Identifier' || created.has(id.name) || !init || /^(Identifier|MemberExpression)$/.test(init.type)) return;
    if (init.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') return;
    otherwise.add(id.name);
  });
  const imported = importedNames(j, root);
  const sites: ListenSite[] = [];
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'listen' } } }).forEach((p: any) => {
    if (p.node.callee.computed) return;
    // `app.use(a).use(b).listen(3000)`: Express's and Koa's use() return the app.
    let object = p.node.callee.object;
    while (object.type === 'CallExpression' && object.callee.type === 'MemberExpression' && object.callee.property.name === 'use') object = object.callee.object;
    const direct = factories.kindOfCall(object);
    // `http.createServer(app).listen()` is like `app.listen()`: only its result names the server.
    if (direct) return void sites.push({ path: p, kind: direct === 'server' ? 'app' : direct, object, resolved: true });
    const key = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' && object.object.type === 'ThisExpression' ? `this.${object.property.name}` : null;
    if (key && created.has(key)) return void sites.push({ path: p, kind: created.get(key)!, object, resolved: true });
    const name = lastName(object);
    if (!name || !(APP_NAME.test(name) || (imported.has(name) && looksLikePort(j, p.node.arguments[0])))) return;
    // A server-like name bound in this file to something we do not know (`new Peer()`) is not guessed at.
    if (object.type === 'Identifier' && otherwise.has(name) && !/^(create|build|make|bootstrap|get)/i.test(calleeName(j, root, name) ?? '')) return;
    // Whether a guessed `server` is an http.Server or an app, `listen` returns the http.Server: keep that.
    let kind: ServerKind = 'app';
    if (factories.imports.nest) kind = 'nest';
    else if (factories.imports.fastify || /fastify/i.test(name)) kind = 'fastify';
    sites.push({ path: p, kind, object, resolved: false });
  });
  return sites;
}

/** The name of the function whose call initialises `name` (`createApp` in `const app = await createApp()`). */
function calleeName(j: JSCodeshift, root: Collection<any>, name: string): string | null {
  let found: string | null = null;
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).forEach((p: any) => {
    const init = unwrapExpression(p.node.init);
    if (init?.type === 'CallExpression') found = lastName(init.callee);
  });
  return found;
}

/** `3000`, `PORT`, `config.port`, `process.env.PORT || 3000`: what an HTTP listen takes first. */
function looksLikePort(j: JSCodeshift, arg: any): boolean {
  if (!arg) return false;
  if (arg.type === 'NumericLiteral' || (arg.type === 'Literal' && typeof arg.value === 'number')) return true;
  return /port/i.test(j(arg).toSource());
}

/** Names bound by an import or a top-level require: an app built in another module. */
export function importedNames(j: JSCodeshift, root: Collection<any>): Set<string> {
  const names = new Set<string>();
  root.find(j.ImportDeclaration).forEach((p: any) => {
    for (const s of p.node.specifiers ?? []) names.add(s.local.name);
  });
  root.find(j.VariableDeclarator).forEach((p: any) => {
    let init = unwrapExpression(p.node.init);
    if (init?.type === 'MemberExpression') init = init.object;
    if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return;
    if (p.node.id.type === 'Identifier') names.add(p.node.id.name);
    else if (p.node.id.type === 'ObjectPattern')
      for (const prop of p.node.id.properties) if (prop.value?.type === 'Identifier') names.add(prop.value.name);
  });
  return names;
}

const HAPI_MODULES = ['@hapi/hapi', 'hapi'];

/** `Hapi.server({...})`, `new Hapi.Server({...})`, or a named `server(...)` import of hapi. */
function isHapiCreation(node: any, hapi: ModuleBindings): boolean {
  const call = unwrapExpression(node);
  if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return false;
  const c = call.callee;
  if (c.type === 'Identifier') return ['server', 'Server'].includes(hapi.named.get(c.name) ?? '');
  if (c.type !== 'MemberExpression' || c.computed || !['server', 'Server'].includes(c.property.name)) return false;
  return (c.object.type === 'Identifier' && hapi.whole.has(c.object.name)) || isRequireOf(c.object, HAPI_MODULES);
}

/** `server.start()` calls on a hapi server created in the file: hapi's listen. */
export function findHapiStarts(j: JSCodeshift, root: Collection<any>): ListenSite[] {
  const hapi = moduleBindings(j, root, HAPI_MODULES);
  if (hapi.whole.size === 0 && hapi.named.size === 0) return [];
  const servers = new Set(findCreations(j, root, (call) => isHapiCreation(call, hapi)).map((c) => c.name));
  const sites: ListenSite[] = [];
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'start' } } }).forEach((p: any) => {
    const object = p.node.callee.object;
    if (object.type === 'Identifier' && servers.has(object.name)) sites.push({ path: p, kind: 'hapi', object, resolved: true });
  });
  return sites;
}
