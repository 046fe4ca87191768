import path from 'node:path';
import type { Collection } from 'jscodeshift';
import { isFactoryCall, moduleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import { quoteString } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import { findProperty, objectFromCode, addProperty } from './objects';

function isRequireOf(node: any, module: string): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.value === module
  );
}

/**
 * Adds `requestIdHeader: '<header>'` to an options object literal (`fastify({...})`,
 * `new FastifyAdapter({...})`) or adds the object to a call without arguments; other options are
 * kept and an existing requestIdHeader (the team's own choice) is left alone.
 */
function setRequestIdHeader(ctx: AstContext, call: any, what: string): void {
  const property = `requestIdHeader: ${quoteString(ctx.options.header, ctx.style)}`;
  if (call.arguments.length === 0) {
    call.arguments.push(objectFromCode(ctx.j, `{ ${property} }`));
    ctx.changed();
    return;
  }
  const options = call.arguments[0];
  if (options.type !== 'ObjectExpression') {
    ctx.manual(
      lineOf(call),
      `${what} gets its options from ${ctx.j(options).toSource()}, not an object literal; set ${property} in them so Fastify takes the request ID from that header`,
    );
    return;
  }
  if (findProperty(options, 'requestIdHeader')) return;
  // After a spread the new key would override the spread's own requestIdHeader; before it, it yields.
  const spread = options.properties.some((p: any) => p.type === 'SpreadElement' || p.type === 'SpreadProperty');
  addProperty(ctx.j, ctx.source, ctx.style, options, property, spread ? 'start' : 'end');
  ctx.changed();
}

/** Fastify's built-in request ID reads the header: `fastify({ requestIdHeader })`, also through Nest's FastifyAdapter. */
export function configureFastify(root: Collection<any>, ctx: AstContext): void {
  const j = ctx.j;
  const fastify = moduleBindings(j, root, ['fastify']);
  root.find(j.CallExpression).forEach((p: any) => {
    const call = p.node;
    if (isFactoryCall(call, fastify, ['fastify', 'default']) || isRequireOf(call.callee, 'fastify')) setRequestIdHeader(ctx, call, 'fastify()');
  });
  const nest = moduleBindings(j, root, ['@nestjs/platform-fastify']);
  const adapters = new Set([...nest.named].filter(([, imported]) => imported === 'FastifyAdapter').map(([local]) => local));
  if (adapters.size === 0) return;
  root.find(j.NewExpression).forEach((p: any) => {
    if (p.node.callee.type === 'Identifier' && adapters.has(p.node.callee.name)) setRequestIdHeader(ctx, p.node, `new ${p.node.callee.name}()`);
  });
}

const FASTIFY_START = /\bfastify\s+start\b((?:\s+-{1,2}[\w-]+(?:[ =](?!-)[^\s&|;]+)?)*)\s+([^\s&|;-][^\s&|;]*)/g;

/** Files `fastify start <file>` runs, from the service's scripts (a built `dist/x.js` maps back to `src/x.ts`). */
function fastifyCliApps(ctx: AstContext): Set<string> {
  const found = new Set<string>();
  const service = ctx.service;
  for (const app of service?.facts.apps ?? []) if (app.framework === 'fastify-plugin') found.add(app.file);
  for (const script of Object.values(service?.package?.scripts ?? {})) {
    for (const m of script.matchAll(FASTIFY_START)) {
      const file = path.resolve(service!.dir, m[2]);
      found.add(file);
      found.add(file.replace(/([\\/])(?:dist|build|lib)([\\/])/, '$1src$2').replace(/\.js$/, '.ts'));
    }
  }
  return found;
}

/**
 * A fastify-cli app (`fastify start app.js`) is a plugin: no `fastify()` call to give
 * requestIdHeader, and fastify-cli reads exported server options only with --options. Until it
 * gets its own hook it is reported, never skipped silently.
 */
export function reportFastifyCliApp(root: Collection<any>, ctx: AstContext): void {
  if (!fastifyCliApps(ctx).has(ctx.path)) return;
  const header = ctx.options.header;
  if (new RegExp(`requestIdHeader|['"\`]${header}['"\`]`, 'i').test(ctx.source)) return;
  const j = ctx.j;
  const exported = root.find(j.ExportDefaultDeclaration).paths()[0]?.node ?? root.find(j.AssignmentExpression, { left: { object: { name: 'module' }, property: { name: 'exports' } } }).paths()[0]?.node;
  ctx.manual(
    exported ? lineOf(exported) : 0,
    `this fastify-cli app (fastify start) is a plugin with no fastify() call, so it gets no correlation ID: start it with --options and export options = { requestIdHeader: '${header}' }, or add an onRequest hook that reads ${header} (else request.id), echoes it with reply.header and runs the request in an AsyncLocalStorage`,
  );
}
