import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { objectName } from './apps';
import { enclosingStatement, isVariableIdentifier } from './scope';

/** Express settings calls: configuration that belongs before any middleware, not middleware itself. */
export const EXPRESS_SETTINGS = ['set', 'enable', 'disable', 'engine'];

/**
 * The object a call chain starts from and the methods called on it:
 * `app.set('a', 1).set('b', 2)` → { object: app, methods: ['set', 'set'] }.
 */
export function callChain(call: any): { object: any; methods: string[] } | null {
  const methods: string[] = [];
  let node = call;
  while (node?.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
    methods.unshift(node.callee.property.name);
    node = node.callee.object;
  }
  return methods.length > 0 ? { object: node, methods } : null;
}

/** Whether `node` (an expression) is the app: `app` or `this.app`. */
function isApp(node: any, appName: string): boolean {
  return objectName(node) === appName;
}

/** The member chain root of `app.locals.title` (`app.locals`'s object `app`) when it is the app. */
function assignsAppMember(expr: any, appName: string): boolean {
  if (expr?.type !== 'AssignmentExpression') return false;
  let left = expr.left;
  while (left?.type === 'MemberExpression') {
    if (isApp(left.object, appName)) return true;
    left = left.object;
  }
  return false;
}

/** `app.set(...)`, `app.disable(...)`, `app.locals.x = ...`, `app.proxy = true`: a settings statement. */
export function isSettingsStatement(stmt: any, appName: string, settings: string[]): boolean {
  if (stmt?.type !== 'ExpressionStatement') return false;
  const expr = stmt.expression;
  if (assignsAppMember(expr, appName)) return true;
  const chain = callChain(expr);
  return chain !== null && isApp(chain.object, appName) && chain.methods.every((m) => settings.includes(m));
}

/** Whether a statement mentions the app at all (a registration, `setup(app)`, `app.listen`, `export default app`). */
export function mentionsApp(j: JSCodeshift, stmt: any, appName: string): boolean {
  if (appName.startsWith('this.')) {
    return j(stmt).find(j.MemberExpression).filter((p) => isApp(p.node, appName)).size() > 0 || false;
  }
  return (
    j(stmt)
      .find(j.Identifier, { name: appName })
      .filter((p) => isVariableIdentifier(p))
      .size() > 0
  );
}

export interface InsertPoint {
  body: any[];
  index: number;
}

/**
 * Where the first middleware of an app goes, in the statement list that creates it: after the
 * creation and the settings that follow it (statements that do not mention the app are skipped
 * over), before the first statement that otherwise uses the app (a `use`, a route, `setup(app)`).
 * `creation` is the declarator or assignment that creates the app. Null when the creation is not a
 * statement of a block (`return express()`, a creation inside a condition).
 */
export function firstMiddlewarePoint(j: JSCodeshift, creation: ASTPath<any>, appName: string, settings: string[]): InsertPoint | null {
  const found = enclosingStatement(creation);
  if (!found) return null;
  const { body, index } = found;
  const stmt = body[index];
  const direct =
    stmt.type === 'VariableDeclaration' ||
    (stmt.type === 'ExpressionStatement' && stmt.expression === creation.node) ||
    ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration?.type === 'VariableDeclaration');
  if (!direct) return null;
  let at = index + 1;
  for (let i = index + 1; i < body.length; i++) {
    if (isSettingsStatement(body[i], appName, settings)) at = i + 1;
    else if (mentionsApp(j, body[i], appName)) break;
  }
  return { body, index: at };
}
