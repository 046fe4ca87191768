import type * as TS from 'typescript';
import type { TypeScript } from './typescript';

/** TS7006/TS7031: a parameter (or its binding element) implicitly has an `any` type. */
const IMPLICIT_ANY_PARAMETER = new Set([7006, 7031]);

/** Declarations followed from the callee (server → app → createApp → its return type). */
const MAX_DEPTH = 8;

/**
 * The module a callback parameter is untyped because of: for an implicit-any parameter of a
 * function passed to a call (`server.close((err) => ...)`), the module specifier of the import the
 * callee's receiver comes from, followed through declarations (`const server = app.listen()`,
 * `const app = createApp()`, `function createApp(): express.Express`). A call on a value of an
 * unresolved import is a call on `any`, which gives its callbacks no parameter types: with the
 * package installed the same parameter is typed. Undefined when the chain ends anywhere else (an
 * explicit `any`, a local value), so a real implicit any is still an error.
 */
export function untypedOrigin(ts: TypeScript, program: TS.Program, d: TS.Diagnostic): string | undefined {
  if (!IMPLICIT_ANY_PARAMETER.has(d.code) || !d.file || d.start === undefined) return undefined;
  let node = tokenAt(ts, d.file, d.start);
  while (node && !ts.isParameter(node)) node = node.parent;
  const fn = node?.parent;
  const call = fn?.parent;
  if (!fn || !call || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(fn as TS.Expression)) return undefined;
  return originOf(ts, program.getTypeChecker(), call.expression, 0, new Set());
}

function tokenAt(ts: TypeScript, sf: TS.SourceFile, pos: number): TS.Node | undefined {
  let found: TS.Node | undefined;
  const visit = (n: TS.Node): void => {
    if (n.getStart(sf) <= pos && pos < n.getEnd()) {
      found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}

function originOf(ts: TypeScript, checker: TS.TypeChecker, node: TS.Node, depth: number, seen: Set<TS.Node>): string | undefined {
  if (depth > MAX_DEPTH || seen.has(node)) return undefined;
  seen.add(node);
  // Steps into a node's own parts end by themselves; only the hops to a declaration are bounded.
  const next = (n: TS.Node | undefined) => (n ? originOf(ts, checker, n, depth, seen) : undefined);
  const hop = (n: TS.Node | undefined) => (n ? originOf(ts, checker, n, depth + 1, seen) : undefined);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isNewExpression(node)) return next(node.expression);
  if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node)) return next(node.expression);
  if (ts.isTypeReferenceNode(node)) return next(node.typeName);
  if (ts.isQualifiedName(node)) return next(node.left);
  if (!ts.isIdentifier(node)) return undefined;
  const symbol = checker.getSymbolAtLocation(node);
  for (const decl of symbol?.declarations ?? []) {
    const spec = importedFrom(ts, decl);
    if (spec) return spec;
    if (ts.isVariableDeclaration(decl) || ts.isParameter(decl) || ts.isPropertyDeclaration(decl)) {
      const found = hop(decl.type ?? decl.initializer);
      if (found) return found;
    } else if (ts.isFunctionDeclaration(decl) && decl.type) {
      const found = hop(decl.type);
      if (found) return found;
    }
  }
  return undefined;
}

/** The module specifier of an import binding's declaration (`import x`, `{ x }`, `* as x`, `x = require()`). */
function importedFrom(ts: TypeScript, decl: TS.Declaration): string | undefined {
  let n: TS.Node = decl;
  if (ts.isImportSpecifier(n)) n = n.parent.parent.parent;
  else if (ts.isNamespaceImport(n)) n = n.parent.parent;
  else if (ts.isImportClause(n)) n = n.parent;
  if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) return n.moduleReference.expression.text;
  return undefined;
}
