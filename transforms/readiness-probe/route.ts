import type { Collection } from 'jscodeshift';
import { findCreations, findExpressApps, moduleBindings, type AppBinding } from '../../src/ast/apps';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { EXPRESS_SETTINGS, firstMiddlewarePoint } from '../../src/ast/middleware';
import { findRouteRegistrations } from '../../src/ast/routes';
import { enclosingStatement, lineOf } from '../../src/ast/scope';
import { callsModule } from '../../src/ast/servers';
import { inSemicolonStyle, quoteString } from '../../src/ast/style';
import type { AstContext } from '../../src/types';

/**
 * The /ready route of each app a file creates, next to its /health route (else first after the
 * app's creation and settings, so no auth or 404 middleware stands before it). Express, Fastify and
 * hapi get a route, Koa a middleware answering the path; NestJS needs a controller and is reported.
 */
export type ReadyFramework = 'express' | 'fastify' | 'koa' | 'hapi';

export interface ReadyApp {
  framework: ReadyFramework;
  app: AppBinding;
}

/** Paths an existing readiness route may have: any of them means the app has one already. */
export const READY_PATHS = ['/ready', '/readyz', '/readiness'];
const HEALTH_PATHS = ['/health', '/healthz', '/livez', '/status'];

function hapiServerCall(node: any, hapi: ReturnType<typeof moduleBindings>): boolean {
  if (node?.type !== 'CallExpression' && node?.type !== 'NewExpression') return false;
  const c = node.callee;
  if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && hapi.whole.has(c.object.name)) return /^(server|Server)$/.test(c.property.name);
  return c.type === 'Identifier' && /^(server|Server)$/.test(hapi.named.get(c.name) ?? '');
}

export function findApps(root: Collection<any>, ctx: AstContext): ReadyApp[] {
  const j = ctx.j;
  const koa = moduleBindings(j, root, ['koa']);
  const fastify = moduleBindings(j, root, ['fastify']);
  const hapi = moduleBindings(j, root, ['@hapi/hapi', 'hapi']);
  return [
    ...findExpressApps(j, root).map((app) => ({ framework: 'express' as const, app })),
    ...findCreations(j, root, (n) => callsModule(n, fastify, ['fastify'], ['fastify'])).map((app) => ({ framework: 'fastify' as const, app })),
    ...findCreations(j, root, (n) => callsModule(n, koa, ['koa'])).map((app) => ({ framework: 'koa' as const, app })),
    ...findCreations(j, root, (n) => hapiServerCall(n, hapi)).map((app) => ({ framework: 'hapi' as const, app })),
  ];
}

function routeCode(framework: ReadyFramework, object: string, path: string, call: string): string {
  switch (framework) {
    case 'express':
      return `${object}.get(${path}, async (_req, res) => {\n  const result = await ${call};\n  res.status(result.status).json(result.body);\n});`;
    case 'fastify':
      return `${object}.get(${path}, async (_request, reply) => {\n  const result = await ${call};\n  return reply.code(result.status).send(result.body);\n});`;
    case 'koa':
      return `${object}.use(async (ctx, next) => {\n  if (ctx.path !== ${path}) return next();\n  const result = await ${call};\n  ctx.status = result.status;\n  ctx.body = result.body;\n});`;
    case 'hapi':
      return `${object}.route({\n  method: 'GET',\n  path: ${path},\n  handler: async (_request, h) => {\n    const result = await ${call};\n    return h.response(result.body).code(result.status);\n  },\n});`;
  }
}

/** Whether the file already registers a readiness path (any of READY_PATHS, or the configured one). */
export function hasReadinessRoute(root: Collection<any>, ctx: AstContext): boolean {
  const wanted = new Set([...READY_PATHS, ctx.options.path]);
  return findRouteRegistrations(ctx.j, root, ctx.source).some((r) => {
    const node = r.pathNode;
    return node?.type === 'StringLiteral' && wanted.has(node.value.replace(/\/+$/, ''));
  });
}

/** Adds the route to one app; returns false when the creation is not a statement a route can follow. */
export function addReadyRoute(root: Collection<any>, ctx: AstContext, ready: ReadyApp, call: string): boolean {
  const j = ctx.j;
  const { app, framework } = ready;
  const code = inSemicolonStyle(routeCode(framework, app.name, quoteString(ctx.options.path, ctx.style), call), ctx.style);
  const creation = enclosingStatement(app.path);
  // Next to the app's health route when it sits in the same statement list as the creation.
  const health = findRouteRegistrations(j, root, ctx.source).find(
    (r) => r.object === app.name && r.pathNode?.type === 'StringLiteral' && HEALTH_PATHS.includes(r.pathNode.value) && r.method !== 'use',
  );
  const at = health ? enclosingStatement(health.call) : null;
  if (at && creation && at.body === creation.body && at.index > creation.index) {
    insertPlacedEdit(ctx, at.body, at.index + 1, code, 'after', { program: isProgramBody(root, at.body) });
    return true;
  }
  const point = firstMiddlewarePoint(j, app.path, app.name, framework === 'express' ? EXPRESS_SETTINGS : []);
  if (!point) return false;
  // Below the import of readiness() too when that landed under the creation (`var app = express(), server = ...;`).
  // It belongs with the middleware it goes before.
  const attach = point.index < point.body.length ? 'before' : 'after';
  insertPlacedEdit(ctx, point.body, point.index, code, attach, { program: isProgramBody(root, point.body), spaced: true });
  return true;
}

function isProgramBody(root: Collection<any>, body: any[]): boolean {
  const node = root.get().node;
  return (node.program ?? node).body === body;
}

export function lineOfApp(ready: ReadyApp): number {
  return lineOf(ready.app.path.node);
}
