import type { Collection } from 'jscodeshift';
import { findCreations, moduleBindings, type AppBinding } from '../../src/ast/apps';
import { enclosingFunction, lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import { importerFor } from './importer';
import { hasCorrelationMiddleware, installFirst } from './install';

/** `new Koa()` apps. */
function koaApps(root: Collection<any>, ctx: AstContext): AppBinding[] {
  const koa = moduleBindings(ctx.j, root, ['koa']);
  if (koa.whole.size === 0) return [];
  return findCreations(ctx.j, root, (node) => node?.type === 'NewExpression' && node.callee.type === 'Identifier' && koa.whole.has(node.callee.name));
}

/** `Hapi.server()`, `new Hapi.Server()`, `server()` / `new Server()` from hapi. */
function hapiServers(root: Collection<any>, ctx: AstContext): AppBinding[] {
  const hapi = moduleBindings(ctx.j, root, ['@hapi/hapi', 'hapi']);
  if (hapi.whole.size === 0 && hapi.named.size === 0) return [];
  const factory = /^(server|Server)$/;
  return findCreations(ctx.j, root, (node) => {
    if (node?.type !== 'CallExpression' && node?.type !== 'NewExpression') return false;
    const callee = node.callee;
    if (callee.type === 'Identifier') return factory.test(hapi.named.get(callee.name) ?? '');
    return (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      hapi.whole.has(callee.object.name) &&
      factory.test(callee.property.name ?? '')
    );
  });
}

/** Koa: `app.use(<koaName>)` when configured, else a manual item naming the app. */
export function addToKoaApps(root: Collection<any>, ctx: AstContext): void {
  const j = ctx.j;
  const name: string | undefined = ctx.options.koaName;
  const importer = name ? importerFor(root, ctx, name, 'named') : null;
  for (const app of koaApps(root, ctx)) {
    if (hasCorrelationMiddleware(ctx, root, app, importer?.existing() ?? null)) continue;
    if (!importer) {
      ctx.manual(
        lineOf(app.call),
        `Koa app ${app.name} has no correlation-ID middleware: install a Koa one first in its chain, or set koaName to the Koa middleware exported by ${ctx.options.import ?? 'the import module'}`,
      );
      continue;
    }
    installFirst(ctx, app, importer, [], (app, local) => `${app}.use(${local});`);
  }
}

/** hapi: `await server.register(<hapiPlugin>)` when configured and the server is set up in an async function. */
export function addToHapiServers(root: Collection<any>, ctx: AstContext): void {
  const j = ctx.j;
  const name: string | undefined = ctx.options.hapiPlugin;
  const importer = name ? importerFor(root, ctx, name, 'named') : null;
  for (const server of hapiServers(root, ctx)) {
    if (hasCorrelationMiddleware(ctx, root, server, importer?.existing() ?? null, 'register')) continue;
    if (!importer) {
      ctx.manual(
        lineOf(server.call),
        `hapi server ${server.name} has no correlation-ID plugin: register one before its routes, or set hapiPlugin to the hapi plugin exported by ${ctx.options.import ?? 'the import module'}`,
      );
      continue;
    }
    const fn = enclosingFunction(server.path);
    // Top-level await only where the file is surely an ES module.
    const canAwait = fn ? fn.node.async === true : /\.m[jt]s$/.test(ctx.path);
    if (!canAwait) {
      ctx.manual(lineOf(server.call), `hapi server ${server.name} is set up outside an async function; register ${name} with await ${server.name}.register(${name}) before its routes`);
      continue;
    }
    installFirst(ctx, server, importer, [], (server, local) => `await ${server}.register(${local});`);
  }
}
