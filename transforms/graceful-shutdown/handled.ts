import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { AstContext } from '../../src/types';
import { isTypeScript } from '../../src/engine/parser';

/** Libraries that already drain a server on SIGTERM: a file using one is left alone. */
export const SHUTDOWN_LIBRARIES = ['stoppable', 'http-terminator', '@godaddy/terminus', 'close-with-grace', 'lightship', 'http-graceful-shutdown'];

function stringValue(node: any): string | null {
  return node && (node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string' ? node.value : null;
}

function importedModules(j: JSCodeshift, root: Collection<any>): string[] {
  const out: string[] = [];
  root.find(j.ImportDeclaration).forEach((p: any) => out.push(p.node.source.value));
  root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((p: any) => {
    const v = stringValue(p.node.arguments[0]);
    if (v !== null) out.push(v);
  });
  return out;
}

/**
 * Why the file needs no handler: it names SIGTERM (a handler, a `process.kill`: its author thought
 * about it), enables Nest's shutdown hooks, or uses a graceful-shutdown library. Null otherwise.
 */
export function alreadyHandled(j: JSCodeshift, root: Collection<any>, helperName: string | null): string | null {
  const sigterm =
    root.find(j.StringLiteral, { value: 'SIGTERM' }).size() + root.find(j.Literal, { value: 'SIGTERM' }).size() > 0 ||
    root.find(j.TemplateElement).filter((p: any) => /\bSIGTERM\b/.test(p.node.value.raw)).size() > 0;
  if (sigterm) return 'handles SIGTERM';
  const hooks = root.find(j.MemberExpression, { property: { name: 'enableShutdownHooks' } }).size() > 0;
  if (hooks) return 'uses enableShutdownHooks';
  const lib = importedModules(j, root).find((m) => SHUTDOWN_LIBRARIES.some((l) => m === l || m.startsWith(`${l}/`)));
  if (lib) return `uses ${lib}`;
  if (helperName && root.find(j.CallExpression, { callee: { type: 'Identifier', name: helperName } }).size() > 0) return `calls ${helperName}`;
  return null;
}

export interface SigintRegistration {
  /** The `process.on('SIGINT', handler)` statement. */
  call: ASTPath<any>;
  statement: ASTPath<any>;
  /** `on` or `once`, as written. */
  method: string;
  /** The handler's name when it is one (`shutdown`, `this.stop` is not), else null. */
  handler: string | null;
}

/** `process.on/once/addListener('SIGINT', h)` statements of the file. */
export function sigintRegistrations(j: JSCodeshift, root: Collection<any>): SigintRegistration[] {
  return signalRegistrations(j, root, 'SIGINT');
}

/** `process.on/once/addListener(signal, h)` statements of the file. */
export function signalRegistrations(j: JSCodeshift, root: Collection<any>, signal: string): SigintRegistration[] {
  const out: SigintRegistration[] = [];
  root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name: 'process' } } })
    .filter((p: any) => ['on', 'once', 'addListener', 'prependListener'].includes(p.node.callee.property.name) && stringValue(p.node.arguments[0]) === signal)
    .forEach((p: any) => {
      const handler = p.node.arguments[1];
      out.push({
        call: p,
        statement: p.parent.node.type === 'ExpressionStatement' ? p.parent : p,
        method: p.node.callee.property.name,
        handler: handler?.type === 'Identifier' ? handler.name : null,
      });
    });
  return out;
}

/**
 * `process.on(signal, handler)` → `process.on(signal, (signal) => callee(signal, handler))`: the
 * handler's own text is kept, only the call around it is new.
 */
export function wrapRegistration(ctx: AstContext, reg: SigintRegistration, callee: string): void {
  const handler = reg.call.node.arguments[1];
  ctx.edit!.replace(handler, `${signalParam(ctx)} => ${callee}(signal, ${ctx.edit!.textOf(handler)})`);
}

/**
 * The wrapper's parameter: typed in TypeScript, where its type would otherwise come from
 * @types/node's `process.on` overloads only (a service checked without its packages installed,
 * or with `noImplicitAny` and an untyped `process`, would get TS7006 from an untyped one).
 */
export function signalParam(ctx: Pick<AstContext, 'path'>): string {
  return isTypeScript(ctx.path) ? '(signal: NodeJS.Signals)' : '(signal)';
}

/** Whether a registration is already `(signal) => f(signal, handler)`: completed by an earlier run. */
export function isWrapped(reg: SigintRegistration): boolean {
  const h = reg.call.node.arguments[1];
  // A handler passed by name or as a function expression is not one (it has no params to read, or no call body).
  if (h?.type !== 'ArrowFunctionExpression') return false;
  const body = h.body;
  return (
    h.params.length === 1 &&
    h.params[0].type === 'Identifier' &&
    body?.type === 'CallExpression' &&
    body.arguments.length === 2 &&
    body.arguments[0].type === 'Identifier' &&
    body.arguments[0].name === h.params[0].name
  );
}
