import type { ASTPath, Collection } from 'jscodeshift';
import { isFactoryCall, moduleBindings, type AppBinding } from '../../src/ast/apps';
import { EXPRESS_SETTINGS, firstMiddlewarePoint } from '../../src/ast/middleware';
import { requireSpecifier } from '../../src/ast/require';
import { lineOf } from '../../src/ast/scope';
import { isTypeScript } from '../../src/engine/parser';
import type { AstContext } from '../../src/types';
import type { Importer } from './importer';
import { useCalls } from './install';
import { addArgument, addProperty, findProperty, objectLiteralOf } from './objects';

/**
 * pino-http numbers requests with its own counter (`req.id`, the `reqId` of its log lines) unless
 * `genReqId` says otherwise: behind the correlation-ID middleware it must return the ID that
 * middleware set, or the request's log lines carry a number no other service knows. The middleware
 * shipshape scaffolds sets it as `req.correlationId`.
 */
const REQUEST_PROPERTY = 'correlationId';

function genReqIdText(ctx: AstContext): string {
  // pino-http types `req` as IncomingMessage, which does not declare the middleware's property.
  const read = isTypeScript(ctx.path) ? `(req as unknown as { ${REQUEST_PROPERTY}: string }).${REQUEST_PROPERTY}` : `req.${REQUEST_PROPERTY}`;
  return `genReqId: (req) => ${read}`;
}

/** The pino-http factory call a middleware argument stands for: `pinoHttp(...)`, `require('pino-http')(...)`, or a `const` holding one. */
function pinoHttpCall(ctx: AstContext, root: Collection<any>, arg: any): any | null {
  let node = arg;
  if (node?.type === 'Identifier') {
    const decl = root.find(ctx.j.VariableDeclarator, { id: { type: 'Identifier', name: node.name } }).paths();
    if (decl.length !== 1) return null;
    node = decl[0].node.init;
  }
  if (node?.type !== 'CallExpression') return null;
  if (requireSpecifier(node.callee) === 'pino-http') return node;
  return isFactoryCall(node, moduleBindings(ctx.j, root, ['pino-http']), ['pinoHttp']) ? node : null;
}

/** The closest function around a node (null: module top level), to tell whether two calls run in one sequence. */
function enclosingFunction(path: ASTPath<any>): any {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) if (/Function|ObjectMethod|ClassMethod/.test(p.node.type)) return p.node;
  return null;
}

/** Where the app's correlation-ID middleware is installed: its own `use` call, else the point it is being inserted at. */
function correlationUseAt(ctx: AstContext, root: Collection<any>, app: AppBinding, importer: Importer): { offset: number; fn: any } | null {
  const local = importer.existing();
  const own = local ? useCalls(ctx, root, app).find((p: any) => p.node.arguments.some((a: any) => ctx.edit!.textOf(a).startsWith(local))) : undefined;
  if (own) return { offset: own.node.start, fn: enclosingFunction(own) };
  const point = firstMiddlewarePoint(ctx.j, app.path, app.name, EXPRESS_SETTINGS);
  if (!point) return null;
  return { offset: point.body[point.index - 1].end, fn: enclosingFunction(app.path) };
}

/**
 * Gives each pino-http middleware of an app that runs after its correlation-ID middleware
 * `genReqId` returning the correlation ID, by splicing its options; where the order or the options
 * do not allow that, one manual item says what to set.
 */
export function alignPinoHttp(ctx: AstContext, root: Collection<any>, app: AppBinding, importer: Importer): void {
  if (!ctx.source.includes('pino-http')) return;
  const text = genReqIdText(ctx);
  const ours = correlationUseAt(ctx, root, app, importer);
  for (const use of useCalls(ctx, root, app)) {
    for (const arg of (use.node as any).arguments) {
      const call = pinoHttpCall(ctx, root, arg);
      if (!call) continue;
      const first = call.arguments[0];
      const options = first === undefined ? null : objectLiteralOf(first, use);
      if (options && findProperty(options, 'genReqId')) continue;
      const line = lineOf(call);
      const after = ours !== null && ours.fn === enclosingFunction(use) && ours.offset < use.node.start;
      // A const's object literal in TypeScript has no contextual type: `req` would be an implicit any.
      const spliceable = first === undefined || (options !== null && (options === first || !isTypeScript(ctx.path)));
      if (after && spliceable && ctx.options.scaffold) {
        if (options) addProperty(ctx, options, text, 'end');
        else addArgument(ctx, call, `{ ${text} }`);
        ctx.changed();
        continue;
      }
      const counter = "its req.id (the reqId of every line it logs) is its own counter, not the correlation ID";
      const message = !after
        ? `pino-http (used at line ${lineOf(use.node)}) does not run after the correlation-ID middleware of ${app.name}, so ${counter}: install ${importer.name} before it and set ${text} in pino-http's options`
        : !ctx.options.scaffold
          ? `pino-http runs after the correlation-ID middleware but ${counter}: set genReqId in its options to return the ID that middleware puts on the request`
          : `pino-http's options here are not an object literal shipshape can extend, so ${counter}: set ${text} in them`;
      ctx.manual(line, message);
    }
  }
}
