import type { Collection } from 'jscodeshift';
import { isFactoryCall, moduleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import { quoteString } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import { addArgument, addProperty, findProperty } from './objects';

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
    addArgument(ctx, call, `{ ${property} }`);
    ctx.changed();
    return;
  }
  const options = call.arguments[0];
  if (options.type !== 'ObjectExpression') {
    ctx.manual(
      lineOf(call),
      `${what} gets its options from ${ctx.edit!.textOf(options)}, not an object literal; set ${property} in them so Fastify takes the request ID from that header`,
    );
    return;
  }
  if (findProperty(options, 'requestIdHeader')) return;
  // After a spread the new key would override the spread's own requestIdHeader; before it, it yields.
  const spread = options.properties.some((p: any) => p.type === 'SpreadElement' || p.type === 'SpreadProperty');
  addProperty(ctx, options, property, spread ? 'start' : 'end');
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
