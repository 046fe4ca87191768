import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { requireSpecifier } from './require';
import { collectNodes } from './walk';

/** How a module is bound in a file: default/namespace/whole-module names and named imports. */
export interface ModuleBindings {
  /** `import x from 'm'`, `import * as x from 'm'`, `const x = require('m')`, `import x = require('m')`. */
  whole: Set<string>;
  /** `import { a as b } from 'm'`, `const { a: b } = require('m')`: local → imported. */
  named: Map<string, string>;
}

function stringValue(node: any): string | null {
  return node && (node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string' ? node.value : null;
}

function requireSource(node: any): string | null {
  // `__importDefault(require('m'))` as emitted by tsc
  if (node?.type === 'CallExpression' && node.arguments.length === 1 && /^__import(Default|Star)$/.test(node.callee.name ?? ''))
    return requireSource(node.arguments[0]);
  return requireSpecifier(node);
}

const BINDING_NODES = ['ImportDeclaration', 'VariableDeclarator', 'TSImportEqualsDeclaration'];

/** The binding nodes of trees nobody edits, found once per tree however many modules are asked about. */
const readOnlyIndex = new WeakMap<Collection<any>, Map<string, any[]> | null>();

/**
 * Declares that `root` is never edited and is as the parser made it (the fleet model's trees):
 * moduleBindings then walks it once for every module list asked. Trees a transform edits are walked
 * on every call, so they never answer from before an edit.
 */
export function readOnlyTree<T extends Collection<any>>(root: T, source?: string): T {
  readOnlyIndex.set(root, null);
  if (source !== undefined) readOnlySources.set(root, source);
  return root;
}

/** The text a read-only tree was parsed from, when its maker gave it: text tests then stand for walks. */
const readOnlySources = new WeakMap<Collection<any>, string>();

export function readOnlyText(root: Collection<any>): string | undefined {
  return readOnlySources.get(root);
}

/** Whether `root` was declared read-only (readOnlyTree): what is read from it once holds for every later read. */
export function isReadOnlyTree(root: Collection<any>): boolean {
  return readOnlyIndex.has(root);
}

function bindingNodes(root: Collection<any>): Map<string, any[]> {
  if (!readOnlyIndex.has(root)) return collectNodes(root, BINDING_NODES);
  let index = readOnlyIndex.get(root);
  if (!index) {
    index = collectNodes(root, BINDING_NODES, true);
    readOnlyIndex.set(root, index);
  }
  return index;
}

/** Local names bound to any of `modules` in this file (top level and nested requires). */
export function moduleBindings(j: JSCodeshift, root: Collection<any>, modules: string[]): ModuleBindings {
  const result: ModuleBindings = { whole: new Set(), named: new Map() };
  const wanted = (s: string | null) => s !== null && modules.includes(s);
  const found = bindingNodes(root);
  found.get('ImportDeclaration')!.forEach((node: any) => {
    if (!wanted(stringValue(node.source)) || node.importKind === 'type') return;
    for (const s of node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier') {
        const imported = (s.imported as any).name ?? (s.imported as any).value;
        if (imported === 'default') result.whole.add(s.local!.name as string);
        else result.named.set(s.local!.name as string, imported);
      } else if (s.local) result.whole.add(s.local.name as string);
    }
  });
  found.get('VariableDeclarator')!.forEach((node: any) => {
    const init: any = node.init;
    let src = requireSource(init);
    let member: string | null = null;
    if (src === null && init?.type === 'MemberExpression' && !init.computed) {
      src = requireSource(init.object);
      member = init.property.name;
    }
    if (!wanted(src)) return;
    const id: any = node.id;
    if (id.type === 'Identifier') {
      if (member === null || member === 'default') result.whole.add(id.name);
      else result.named.set(id.name, member);
    } else if (id.type === 'ObjectPattern' && member === null) {
      for (const prop of id.properties) {
        if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') continue;
        const key = prop.key.name ?? prop.key.value;
        if (prop.value.type === 'Identifier') {
          if (key === 'default') result.whole.add(prop.value.name);
          else result.named.set(prop.value.name, key);
        }
      }
    }
  });
  found.get('TSImportEqualsDeclaration')!.forEach((node: any) => {
    const ref = node.moduleReference;
    if (ref.type === 'TSExternalModuleReference' && wanted(stringValue(ref.expression))) result.whole.add(node.id.name);
  });
  return result;
}

/**
 * Whether `callee` calls the module's factory: `express()`, `express.default()`, `(0, express.default)()`,
 * or a named import of `named` (e.g. `fastify` from 'fastify', `Fastify()` as a default import).
 */
export function isFactoryCall(node: any, bindings: ModuleBindings, named: string[] = []): boolean {
  if (node?.type !== 'CallExpression') return false;
  let callee = node.callee;
  if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1];
  if (callee.type === 'Identifier') {
    if (bindings.whole.has(callee.name)) return true;
    const imported = bindings.named.get(callee.name);
    return imported !== undefined && named.includes(imported);
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && bindings.whole.has(callee.object.name)) {
    return callee.property.name === 'default' || named.includes(callee.property.name);
  }
  return false;
}

export interface AppBinding {
  /** The variable holding the app (`app`, `this.app` is reported as `this.app`). */
  name: string;
  /** The declarator or assignment that creates it. */
  path: ASTPath<any>;
  /** The creating call. */
  call: any;
}

/**
 * Variables (and `this.x` members) assigned the result of a factory call that `isFactory` accepts:
 * `const app = express()`, `let app; app = express()`, `this.app = express()`.
 */
export function findCreations(j: JSCodeshift, root: Collection<any>, isFactory: (call: any) => boolean): AppBinding[] {
  const found: AppBinding[] = [];
  root.find(j.VariableDeclarator).forEach((p: any) => {
    let init = p.node.init;
    while (init && (init.type === 'AwaitExpression' || init.type === 'TSAsExpression' || init.type === 'TSNonNullExpression')) init = init.argument ?? init.expression;
    if (init && isFactory(init) && p.node.id.type === 'Identifier') found.push({ name: p.node.id.name, path: p, call: init });
  });
  root.find(j.AssignmentExpression).forEach((p: any) => {
    let right = p.node.right;
    while (right && (right.type === 'AwaitExpression' || right.type === 'TSAsExpression')) right = right.argument ?? right.expression;
    if (!right || !isFactory(right)) return;
    const left = p.node.left;
    if (left.type === 'Identifier') found.push({ name: left.name, path: p, call: right });
    else if (left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && !left.computed)
      found.push({ name: `this.${left.property.name}`, path: p, call: right });
  });
  return found;
}

/** `express()` apps of the file under any local name of the express import; routers are not apps. */
export function findExpressApps(j: JSCodeshift, root: Collection<any>): AppBinding[] {
  const express = moduleBindings(j, root, ['express']);
  if (express.whole.size === 0 && express.named.size === 0) return [];
  return findCreations(j, root, (call) => isFactoryCall(call, express));
}

/** Text of a callee object for matching: `app`, `this.app`, `router`. */
export function objectName(node: any): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed) {
    const left = objectName(node.object);
    return left === null ? null : `${left}.${node.property.name}`;
  }
  return null;
}
