import type { ASTPath } from 'jscodeshift';
import path from 'node:path';
import { enclosingFunction } from '../../src/ast/scope';

/** The name a function is known by: its own, its method key, or the variable or property it is assigned to. */
function functionName(fn: ASTPath<any>): string | null {
  const node = fn.node;
  if (node.id?.name) return node.id.name;
  if ((node.type === 'ClassMethod' || node.type === 'ObjectMethod' || node.type === 'ClassPrivateMethod') && node.key) {
    return node.key.name ?? node.key.id?.name ?? (typeof node.key.value === 'string' ? node.key.value : null);
  }
  const parent = fn.parent?.node;
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property' || parent?.type === 'ClassProperty') && !parent.computed) return parent.key?.name ?? null;
  if (parent?.type === 'AssignmentExpression') {
    const left = parent.left;
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier') return left.property.name;
  }
  return null;
}

/** The nearest named enclosing function, or the module's file name at the top level or in anonymous callbacks. */
function whereOf(at: ASTPath<any>, file: string): string {
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name && name !== 'constructor') return name;
    if (name === 'constructor') break;
  }
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

/**
 * The message of a call that has no string: what was logged and where, `'error in createOrder'`
 * for an error, `'order in createOrder'` for a value stored under `order`, the module's name
 * (`'error in server'`) outside named functions.
 */
export function derivedMessage(what: string, at: ASTPath<any>, file: string): string {
  return `${what} in ${whereOf(at, file)}`;
}
