import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isShadowed, isVariableIdentifier, lineOf, onlyMemberObjects } from '../../src/ast/scope';
import { levelMethodsOf } from '../../src/fleet/logger-facts';

/** A console call to rewrite: `path` is the call. */
export interface CallUse {
  kind: 'call';
  path: ASTPath<any>;
  method: string;
  level: string;
}

/** A console method passed as a callback (`.catch(console.error)`): `path` is the value to replace. */
export interface ValueUse {
  kind: 'value';
  path: ASTPath<any>;
  method: string;
  level: string;
}

export interface ManualUse {
  kind: 'manual';
  line: number;
  message: string;
}

export type ConsoleUse = CallUse | ValueUse | ManualUse;

const MEMBER = new Set(['MemberExpression', 'OptionalMemberExpression']);
const CALL = new Set(['CallExpression', 'OptionalCallExpression']);

/**
 * `console`, or `globalThis.console` / `global.console`: the paths of the console object in the
 * file, and whether the file may declare a `console` of its own (else no use needs a scope scan).
 */
function consoleObjects(j: JSCodeshift, root: Collection<any>): { found: ASTPath<any>[]; mayDeclare: boolean } {
  const found: ASTPath<any>[] = [];
  const all = root.find(j.Identifier, { name: 'console' });
  const mayDeclare = !onlyMemberObjects(all.paths());
  all.forEach((p: any) => {
    const parent = p.parent?.node;
    if (MEMBER.has(parent?.type) && parent.property === p.node && !parent.computed) {
      const obj = parent.object;
      if (obj.type === 'Identifier' && (obj.name === 'globalThis' || obj.name === 'global') && !isShadowed(p.parent, obj.name)) found.push(p.parent);
      return;
    }
    if (isVariableIdentifier(p)) found.push(p);
  });
  return { found, mayDeclare };
}

function propertyName(member: any): string | null {
  if (member.computed) return null;
  return member.property.type === 'Identifier' ? member.property.name : null;
}

/** `console.log.bind(console)`: the bind call, which is the value passed on. */
function boundValue(memberPath: ASTPath<any>): ASTPath<any> | null {
  const parent = memberPath.parent?.node;
  if (!MEMBER.has(parent?.type) || parent.object !== memberPath.node || propertyName(parent) !== 'bind') return null;
  const call = memberPath.parent.parent;
  if (!CALL.has(call?.node?.type) || call.node.callee !== parent) return null;
  return call;
}

/** Where a method kept as a value is called later with arguments we cannot see. */
function isStoredValue(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  switch (parent?.type) {
    case 'VariableDeclarator':
      return parent.init === path.node;
    case 'AssignmentExpression':
      return parent.right === path.node;
    case 'ObjectProperty':
    case 'Property':
      return parent.value === path.node;
    case 'ReturnStatement':
    case 'ArrayExpression':
    case 'ConditionalExpression':
    case 'LogicalExpression':
      return true;
    case 'ArrowFunctionExpression':
      return parent.body === path.node;
    default:
      return false;
  }
}

/** `console.log.apply(console, args)` / `.call(...)`: a call we cannot map argument by argument. */
function calledThrough(memberPath: ASTPath<any>): string | null {
  const parent = memberPath.parent?.node;
  if (!MEMBER.has(parent?.type) || parent.object !== memberPath.node) return null;
  const name = propertyName(parent);
  if (name !== 'apply' && name !== 'call') return null;
  const call = memberPath.parent.parent?.node;
  return CALL.has(call?.type) && call.callee === parent ? name : null;
}

function isCallArgument(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  return (CALL.has(parent?.type) || parent?.type === 'NewExpression') && parent.arguments.includes(path.node);
}

/**
 * Whether the use sits in a class or object that defines level methods (`info() {}`, `error: () =>`):
 * a logger's own implementation, whose console calls are how it prints, not logging to migrate.
 */
function insideLoggerImplementation(path: any): boolean {
  for (let p = path.parent; p; p = p.parent) if ((p.node.type === 'ClassBody' || p.node.type === 'ObjectExpression') && levelMethodsOf(p.node)) return true;
  return false;
}

/**
 * Every use of a console method in the file, sorted by what to do: calls and callbacks to rewrite,
 * and the uses a reviewer must look at (unknown methods, spread arguments, computed access, a local
 * `console`, a method stored as a value). A bare `console` passed around is left alone.
 */
export function findConsoleUses(j: JSCodeshift, root: Collection<any>, levels: Record<string, string>): ConsoleUse[] {
  const uses: ConsoleUse[] = [];
  const consoles = consoleObjects(j, root);
  for (const objectPath of consoles.found) {
    const member = objectPath.parent;
    if (!MEMBER.has(member?.node?.type) || member.node.object !== objectPath.node) continue;
    if (insideLoggerImplementation(member)) continue;
    const line = lineOf(member.node);
    const method = propertyName(member.node);
    const callPath = CALL.has(member.parent?.node?.type) && member.parent.node.callee === member.node ? member.parent : null;
    const shown = objectPath.node.type === 'Identifier' ? 'console' : `${objectPath.node.object.name}.console`;
    if (objectPath.node.type === 'Identifier' && consoles.mayDeclare && isShadowed(objectPath, 'console')) {
      if (callPath) uses.push({ kind: 'manual', line, message: `${shown}.${method ?? '[…]'}(…) calls a local binding named console, not the global: rewrite it to the logger by hand if it logs` });
      continue;
    }
    if (method === null) {
      uses.push({ kind: 'manual', line, message: `computed console access (${shown}[…]) is not rewritten: call the logger method by hand (logger methods: ${[...new Set(Object.values(levels))].join(', ')})` });
      continue;
    }
    const level = Object.prototype.hasOwnProperty.call(levels, method) ? levels[method] : undefined;
    if (callPath) {
      if (!level) {
        uses.push({ kind: 'manual', line, message: `${shown}.${method}() has no logger equivalent: log its data through the logger by hand, or keep it if it is meant for a terminal` });
      } else if (callPath.node.arguments.some((a: any) => a.type === 'SpreadElement')) {
        uses.push({ kind: 'manual', line, message: `${shown}.${method}(...) with a spread argument is not rewritten: pass a message and a meta object to the logger by hand` });
      } else {
        uses.push({ kind: 'call', path: callPath, method, level });
      }
      continue;
    }
    const via = calledThrough(member);
    if (via) {
      uses.push({ kind: 'manual', line, message: `${shown}.${method}.${via}(…) is not rewritten: call the logger with a message and a meta object by hand` });
      continue;
    }
    const bound = boundValue(member);
    const value = bound ?? member;
    if (level && isCallArgument(value)) {
      uses.push({ kind: 'value', path: value, method, level });
    } else if ((level || bound) && isStoredValue(value)) {
      uses.push({ kind: 'manual', line, message: `${shown}.${method} is used as a value here: replace it with a function that calls the logger (logger methods are not bound)` });
    }
  }
  return uses;
}
