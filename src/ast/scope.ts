import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isReadOnlyTree, readOnlyText } from './apps';
import { collectNodes } from './walk';

/** 1-based line of a node, 0 when the node has no location (it was built by a transform). */
export function lineOf(node: any): number {
  return node?.loc?.start?.line ?? 0;
}

/**
 * True when an Identifier at `path` names a variable (a reference or a binding), not a property key,
 * a member property or a type member name.
 */
export function isVariableIdentifier(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  const node = path.node;
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed;
    case 'Property':
    case 'ObjectProperty':
      if (parent.value === node) return true;
      return parent.computed || (parent.shorthand && parent.key === node);
    case 'ClassProperty':
    case 'ClassMethod':
    case 'ObjectMethod':
    case 'MethodDefinition':
    case 'ClassPrivateProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSEnumMember':
      return parent.computed && parent.key === node ? true : parent.key !== node;
    case 'TSQualifiedName':
      return parent.left === node;
    case 'ImportSpecifier':
      return parent.local === node;
    case 'ExportSpecifier':
      return parent.local === node && path.parent.parent?.node?.source == null;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    default:
      return true;
  }
}

/** Every name the file uses as a variable anywhere, in any scope: the conservative test for clashes. */
export function variableNames(j: JSCodeshift, root: Collection<any>): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach((p) => {
    if (isVariableIdentifier(p)) names.add(p.node.name);
  });
  return names;
}

/** The names of a read-only tree's identifiers, collected once: transforms ask freeName for name after name. */
const namesOfReadOnly = new WeakMap<Collection<any>, Set<string>>();

function identifierNames(root: Collection<any>): Set<string> {
  const known = namesOfReadOnly.get(root);
  if (known) return known;
  const readOnly = isReadOnlyTree(root);
  const names = new Set<string>(collectNodes(root, ['Identifier'], readOnly).get('Identifier')!.map((n) => n.name));
  if (readOnly) namesOfReadOnly.set(root, names);
  return names;
}

/** `base` when no variable of the file uses it, else `base2`, `base3`, ... */
export function freeName(j: JSCodeshift, root: Collection<any>, base: string, alsoTaken: Iterable<string> = []): string {
  const extra = new Set(alsoTaken);
  // The common case: no identifier of the file has the name at all, which its text (an identifier
  // is spelled in it, barring a \u escape) or else one plain walk shows.
  const text = readOnlyText(root);
  const absent = text !== undefined && !text.includes(base) && !text.includes('\\u');
  if (!extra.has(base) && (absent || !identifierNames(root).has(base))) return base;
  const taken = variableNames(j, root);
  for (const n of extra) taken.add(n);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** Names edit-based transforms gave out per tree: their edits leave the tree as parsed, so freeName cannot see them. */
const claimed = new WeakMap<object, Set<string>>();

/**
 * freeName for code written as edits: also avoids the names earlier edits on this tree introduced
 * (`server`, then `server2` for a second listen call), and claims the one it returns.
 */
export function claimName(j: JSCodeshift, root: Collection<any>, base: string, alsoTaken: Iterable<string> = []): string {
  const program = root.get().node;
  let names = claimed.get(program);
  if (!names) claimed.set(program, (names = new Set()));
  const name = freeName(j, root, base, [...names, ...alsoTaken]);
  names.add(name);
  return name;
}

/**
 * Whether every one of these identifiers (all those of one name in a tree) is the object of a
 * member access (`console.log`): a declaration's name never is, so then no scope declares the
 * name and isShadowed would scan every enclosing scope (the costliest step of a console rewrite)
 * only to say false.
 */
export function onlyMemberObjects(identifiers: ASTPath<any>[]): boolean {
  return identifiers.every((p) => {
    const parent = p.parent?.node;
    return (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === p.node;
  });
}

/** Whether `name` is declared by a scope enclosing `path` (so a global such as `console` is shadowed). */
export function isShadowed(path: ASTPath<any>, name: string): boolean {
  let scope = path.scope;
  while (scope) {
    if (scope.declares(name)) return true;
    scope = scope.parent;
  }
  return false;
}

/** The nearest enclosing function (declaration, expression, arrow, method) of a path, or null. */
export function enclosingFunction(path: ASTPath<any>): ASTPath<any> | null {
  let p: ASTPath<any> | null = path.parent;
  while (p) {
    const t = p.node.type;
    if (
      t === 'FunctionDeclaration' ||
      t === 'FunctionExpression' ||
      t === 'ArrowFunctionExpression' ||
      t === 'ObjectMethod' ||
      t === 'ClassMethod' ||
      t === 'ClassPrivateMethod'
    )
      return p;
    p = p.parent;
  }
  return null;
}

/** The statement that contains `path` directly inside a block or the program body, with that body. */
export function enclosingStatement(path: ASTPath<any>): { statement: ASTPath<any>; body: any[]; index: number } | null {
  let p: ASTPath<any> | null = path;
  while (p && p.parent) {
    const parentNode = p.parent.node;
    const body = parentNode.type === 'Program' || parentNode.type === 'BlockStatement' || parentNode.type === 'StaticBlock' ? parentNode.body : null;
    if (body && Array.isArray(body)) {
      const index = body.indexOf(p.node);
      if (index >= 0) return { statement: p, body, index };
    }
    p = p.parent;
  }
  return null;
}
