import type { ASTPath, Collection } from 'jscodeshift';
import type { AppBinding } from '../../src/ast/apps';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { callChain, firstMiddlewarePoint } from '../../src/ast/middleware';
import { lineOf } from '../../src/ast/scope';
import { inSemicolonStyle } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import type { Importer } from './importer';
import { adoptedMechanism, moduleLocals, type Adopted } from './adopt';

/** Names and module names of existing correlation/request-ID middleware (express-request-id, cls-rtracer, ...). */
export const CORRELATION_LIKE = /correlation|request[-_]?id|rtracer/i;

function enclosingClass(path: ASTPath<any>): any {
  let p: ASTPath<any> | null = path.parent;
  while (p && p.node.type !== 'ClassBody') p = p.parent;
  return p?.node ?? null;
}

/** Whether `path` refers to the same app as its creation (apps in other functions or classes share names). */
function sameApp(path: ASTPath<any>, app: AppBinding): boolean {
  if (app.name.startsWith('this.')) return enclosingClass(path) === enclosingClass(app.path);
  const scope = (path as any).scope?.lookup(app.name);
  const own = (app.path as any).scope?.lookup(app.name);
  return scope === own;
}

/** `app.use(...)` calls of this app, chained ones included: their argument lists. */
export function useCalls(ctx: AstContext, root: Collection<any>, app: AppBinding, method = 'use'): ASTPath<any>[] {
  const j = ctx.j;
  return root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: method } } })
    .filter((p: any) => {
      const chain = callChain(p.node);
      return chain !== null && ctx.edit!.textOf(chain.object) === app.name && sameApp(p, app);
    })
    .paths();
}

/**
 * Whether a middleware argument looks like a correlation/request-ID middleware by name
 * (`requestId()`, `addCorrelationId`) or, inline, sets the header. Merely reading
 * `req.correlationId` (as console-to-logger's meta does) does not count.
 */
function looksLikeCorrelationMiddleware(ctx: AstContext, arg: any): boolean {
  if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') return false;
  const head = arg.type === 'CallExpression' ? arg.callee : arg;
  return CORRELATION_LIKE.test(ctx.edit!.textOf(head));
}

/**
 * The correlation middleware the app already installs: the configured one (`ours`), or another
 * request-ID mechanism (`adopted`: a known library, an inline middleware that sets an ID or the
 * header, a middleware named like one), which stays the app's only one.
 */
export function existingMiddleware(
  ctx: AstContext,
  root: Collection<any>,
  app: AppBinding,
  local: string | null,
  method = 'use',
): { ours: true; text: string } | { ours: false; text: string; adopted: Adopted } | null {
  const locals = moduleLocals(ctx.j, root);
  for (const p of useCalls(ctx, root, app, method)) {
    for (const arg of (p.node as any).arguments) {
      if (arg.type === 'StringLiteral' || arg.type === 'Literal' || arg.type === 'TemplateLiteral') continue;
      const text = ctx.edit!.textOf(arg).split('\n')[0];
      let start: any = arg;
      while (start && start.type !== 'Identifier') start = start.type === 'CallExpression' ? start.callee : start.type === 'MemberExpression' ? start.object : null;
      if (start && start.name === local) return { ours: true, text };
      const adopted = adoptedMechanism(ctx, root, arg, locals, text);
      if (adopted) return { ours: false, text, adopted: { ...adopted, line: lineOf(arg) } };
      const module = start ? locals.get(start.name) : undefined;
      if ((module && CORRELATION_LIKE.test(module)) || looksLikeCorrelationMiddleware(ctx, arg))
        return { ours: false, text, adopted: { text, mechanism: 'custom', line: lineOf(arg) } };
    }
  }
  return null;
}

export function hasCorrelationMiddleware(ctx: AstContext, root: Collection<any>, app: AppBinding, local: string | null, method = 'use'): boolean {
  return existingMiddleware(ctx, root, app, local, method) !== null;
}

/**
 * Puts `<app>.<method>(<local>)` (or `code(app, local)`) first in the app's chain: after its
 * creation and settings, in the same block. Returns false (and reports) when the creation is not a
 * plain statement the call can follow.
 */
export function installFirst(
  ctx: AstContext,
  app: AppBinding,
  importer: Importer,
  settings: string[],
  code: (app: string, local: string) => string,
): boolean {
  const point = firstMiddlewarePoint(ctx.j, app.path, app.name, settings);
  if (!point) {
    ctx.manual(
      lineOf(app.call),
      `${app.name} is created inside a condition or an expression, not a statement of its own; add ${code(app.name, importer.name).replace(/;$/, '')} as its first middleware by hand`,
    );
    return false;
  }
  const local = importer.ensure();
  // One short line, kept next to the creation even below a multi-line declaration.
  insertPlacedEdit(ctx, point.body, point.index, inSemicolonStyle(code(app.name, local), ctx.style), 'after', { spaced: false });
  ctx.changed();
  return true;
}
