import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { AppBinding } from '../../src/ast/apps';
import { statementFromCode } from '../../src/ast/build';
import { insertPlaced } from '../../src/ast/placement';
import { callChain, firstMiddlewarePoint } from '../../src/ast/middleware';
import { lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import type { Importer } from './importer';

/** Names and module names of existing correlation/request-ID middleware (express-request-id, cls-rtracer, ...). */
export const CORRELATION_LIKE = /correlation|request[-_]?id|rtracer/i;

/** Local names bound to a module whose name looks like a correlation/request-ID package. */
export function correlationModuleLocals(j: JSCodeshift, root: Collection<any>): Set<string> {
  const locals = new Set<string>();
  root.find(j.ImportDeclaration).forEach((p: any) => {
    if (!CORRELATION_LIKE.test(String(p.node.source.value))) return;
    for (const s of p.node.specifiers ?? []) locals.add(s.local.name);
  });
  root.find(j.VariableDeclarator).forEach((p: any) => {
    const text = p.node.init ? j(p.node.init).toSource() : '';
    const req = /require\(\s*['"]([^'"]+)['"]\s*\)/.exec(text);
    if (!req || !CORRELATION_LIKE.test(req[1])) return;
    j(p.node.id)
      .find(j.Identifier)
      .forEach((id: any) => {
        locals.add(id.node.name);
      });
    if (p.node.id.type === 'Identifier') locals.add(p.node.id.name);
  });
  return locals;
}

/** The identifier an argument starts from: `rTracer` of `rTracer.expressMiddleware()`. */
function rootIdentifier(node: any): string | null {
  let n = node;
  while (n) {
    if (n.type === 'Identifier') return n.name;
    if (n.type === 'CallExpression') n = n.callee;
    else if (n.type === 'MemberExpression') n = n.object;
    else return null;
  }
  return null;
}

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
export function useCalls(j: JSCodeshift, root: Collection<any>, app: AppBinding, method = 'use'): ASTPath<any>[] {
  return root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: method } } })
    .filter((p: any) => {
      const chain = callChain(p.node);
      return chain !== null && j(chain.object).toSource() === app.name && sameApp(p, app);
    })
    .paths();
}

/**
 * The correlation middleware the app already installs: the configured one (`ours`), or one that
 * looks like it by name or module (express-request-id, cls-rtracer, a `requestId` middleware).
 */
/**
 * Whether a middleware argument is a correlation/request-ID middleware: by its name
 * (`requestId()`, `rTracer.expressMiddleware()`), or, for an inline function, by what it does
 * (assigns `req.correlationId`/`req.requestId` or sets the header). Merely reading
 * `req.correlationId` (as console-to-logger's meta does) does not count.
 */
function looksLikeCorrelationMiddleware(j: JSCodeshift, arg: any): boolean {
  if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') {
    const body = j(arg.body).toSource();
    return /\.\s*(correlationId|requestId|reqId)\s*=(?!=)/i.test(body) || /\(\s*['"`]x-(correlation|request)-id['"`]\s*,/i.test(body);
  }
  const head = arg.type === 'CallExpression' ? arg.callee : arg;
  return CORRELATION_LIKE.test(j(head).toSource());
}

export function existingMiddleware(
  j: JSCodeshift,
  root: Collection<any>,
  app: AppBinding,
  local: string | null,
  method = 'use',
): { ours: boolean; text: string } | null {
  const modules = correlationModuleLocals(j, root);
  for (const p of useCalls(j, root, app, method)) {
    for (const arg of (p.node as any).arguments) {
      if (arg.type === 'StringLiteral' || arg.type === 'Literal' || arg.type === 'TemplateLiteral') continue;
      const start = rootIdentifier(arg);
      const text = j(arg).toSource().split('\n')[0];
      if (start !== null && start === local) return { ours: true, text };
      if ((start !== null && modules.has(start)) || looksLikeCorrelationMiddleware(j, arg)) return { ours: false, text };
    }
  }
  return null;
}

export function hasCorrelationMiddleware(j: JSCodeshift, root: Collection<any>, app: AppBinding, local: string | null, method = 'use'): boolean {
  return existingMiddleware(j, root, app, local, method) !== null;
}

/**
 * Puts `<app>.<method>(<local>)` (or `code(app, local)`) first in the app's chain: after its
 * creation and settings, in the same block. Returns false (and reports) when the creation is not a
 * plain statement the call can follow.
 */
export function installFirst(
  j: JSCodeshift,
  ctx: AstContext,
  app: AppBinding,
  importer: Importer,
  settings: string[],
  code: (app: string, local: string) => string,
): boolean {
  const point = firstMiddlewarePoint(j, app.path, app.name, settings);
  if (!point) {
    ctx.manual(
      lineOf(app.call),
      `${app.name} is created inside a condition or an expression, not a statement of its own; add ${code(app.name, importer.name).replace(/;$/, '')} as its first middleware by hand`,
    );
    return false;
  }
  // The import may go into the same statement list, before the anchor.
  const anchor = point.body[point.index - 1];
  const local = importer.ensure();
  const index = point.body.indexOf(anchor) + 1;
  insertPlaced(j, point.body, index, statementFromCode(j, code(app.name, local)), 'after');
  ctx.changed();
  return true;
}
