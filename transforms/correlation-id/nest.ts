import type { Collection } from 'jscodeshift';
import { findCreations, moduleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import type { Importer } from './importer';
import { hasCorrelationMiddleware, installFirst } from './install';

/** `NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter())`: not the Express platform. */
function onFastify(ctx: AstContext, call: any): boolean {
  const typeArgs = call.typeParameters ?? call.typeArguments;
  const text = [typeArgs, ...call.arguments].filter(Boolean).map((n: any) => ctx.edit!.textOf(n)).join(' ');
  return /Fastify/.test(text);
}

/** `app.use(<middleware>)` right after `NestFactory.create(...)` (Express platform). */
export function addToNestApps(root: Collection<any>, ctx: AstContext, importer: Importer): void {
  const j = ctx.j;
  const core = moduleBindings(j, root, ['@nestjs/core']);
  const factories = new Set([...core.named].filter(([, imported]) => imported === 'NestFactory').map(([local]) => local));
  if (factories.size === 0) return;
  const isCreate = (call: any) =>
    call?.type === 'CallExpression' &&
    call.callee.type === 'MemberExpression' &&
    call.callee.object.type === 'Identifier' &&
    factories.has(call.callee.object.name) &&
    call.callee.property.name === 'create';
  for (const app of findCreations(j, root, isCreate)) {
    if (hasCorrelationMiddleware(ctx, root, app, importer.existing())) continue;
    if (onFastify(ctx, app.call)) {
      // An inline `new FastifyAdapter({...})` gets requestIdHeader from the Fastify rule.
      if (app.call.arguments.some((a: any) => a.type === 'NewExpression' && /FastifyAdapter/.test(ctx.edit!.textOf(a.callee)))) continue;
      ctx.manual(
        lineOf(app.call),
        `${app.name} is a NestJS app on the Fastify platform: Express middleware does not fit; pass new FastifyAdapter({ requestIdHeader: '${ctx.options.header}' }) so Fastify takes the request ID from that header`,
      );
      continue;
    }
    installFirst(ctx, app, importer, [], (name, local) => `${name}.use(${local});`);
  }
}
