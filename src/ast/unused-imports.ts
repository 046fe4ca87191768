import type { Collection, JSCodeshift } from 'jscodeshift';
import type { SourceEdits } from '../engine/edits';
import { mentionsIn, removeListItems, removeStatement, survives } from './edit-removal';
import { isVariableIdentifier } from './scope';
import { requireSpecifier } from './require';

/**
 * Removing the last use of an import is part of a rewrite: a transform that deletes a winston File
 * transport also leaves `import DailyRotateFile from 'winston-daily-rotate-file'` and `import path`
 * behind. This module removes exactly those, and nothing the author left unused on purpose: take a
 * snapshot with `importUsage` before the rewrite and pass it to `removeNewlyUnusedImportEdits` after;
 * only a binding that was referenced in the snapshot and has no reference left goes.
 */

/** Reference counts of the file's module-level import bindings, by local name. */
export type ImportUsage = Map<string, number>;

interface Binding {
  name: string;
  /** Identifier nodes that declare the name (never counted as references). */
  declaring: any[];
  /** Where it is declared: the statement and, when the statement declares more, the part of it that binds the name. */
  statement: any;
  specifier?: any;
  declarator?: any;
  property?: any;
}

function programBody(root: Collection<any>): any[] {
  const node = root.get().node;
  return (node.type === 'File' ? node.program : node).body;
}

function isRequireCall(node: any): boolean {
  return requireSpecifier(node) !== null;
}

/**
 * Initialisers whose removal cannot change behaviour beyond a module load: `require('m')`,
 * `require('m').x`, `__importDefault(require('m'))`, and plain member reads of other bindings
 * (`const { File } = winston.transports`). Calls such as `require('debug')('app')` are not.
 */
function isRemovableInit(node: any, bindings: Set<string>): boolean {
  if (isRequireCall(node)) return true;
  if (node?.type === 'CallExpression' && /^__import(Default|Star)$/.test(node.callee.name ?? '') && node.arguments.length === 1)
    return isRequireCall(node.arguments[0]);
  if (node?.type === 'MemberExpression' && !node.computed) return isRemovableInit(node.object, bindings);
  return node?.type === 'Identifier' && bindings.has(node.name);
}

function importBindings(body: any[]): Binding[] {
  const found: Binding[] = [];
  for (const stmt of body) {
    if (stmt.type === 'TSImportEqualsDeclaration' && !stmt.isExport && stmt.moduleReference.type === 'TSExternalModuleReference') {
      found.push({ name: stmt.id.name, declaring: [stmt.id], statement: stmt });
      continue;
    }
    if (stmt.type !== 'ImportDeclaration') continue;
    for (const spec of stmt.specifiers ?? []) {
      found.push({
        name: spec.local.name,
        declaring: [spec.local, spec.imported].filter(Boolean),
        statement: stmt,
        specifier: spec,
      });
    }
  }
  return found;
}

function requireBindings(j: JSCodeshift, body: any[], importNames: Set<string>): Binding[] {
  const found: Binding[] = [];
  const known = new Set(importNames);
  for (const stmt of body) {
    if (stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations) {
      if (!isRemovableInit(d.init, known)) continue;
      if (d.id.type === 'Identifier') {
        known.add(d.id.name);
        found.push({ name: d.id.name, declaring: [d.id], statement: stmt, declarator: d });
        continue;
      }
      // A rest element collects what the other properties leave: removing one would change it.
      if (d.id.type !== 'ObjectPattern' || d.id.properties.some((p: any) => p.type !== 'ObjectProperty' && p.type !== 'Property')) continue;
      for (const prop of d.id.properties) {
        if (prop.value.type !== 'Identifier') continue;
        known.add(prop.value.name);
        found.push({
          name: prop.value.name,
          declaring: [prop.key, prop.value],
          statement: stmt,
          declarator: d,
          property: prop,
        });
      }
    }
  }
  return found;
}

function bindingsOf(j: JSCodeshift, root: Collection<any>): Binding[] {
  const body = programBody(root);
  const imports = importBindings(body);
  return [...imports, ...requireBindings(j, body, new Set(imports.map((b) => b.name)))];
}

/** Every use of each name anywhere in the file, shadowed or not: over-counting only keeps an import. */
function countReferences(j: JSCodeshift, root: Collection<any>, bindings: Binding[], kept: (node: any) => boolean = () => true): ImportUsage {
  const declaring = new Set(bindings.flatMap((b) => b.declaring));
  const counts: ImportUsage = new Map(bindings.map((b) => [b.name, 0]));
  const bump = (name: string) => {
    if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
  };
  root.find(j.Identifier).forEach((p) => {
    if (!declaring.has(p.node) && isVariableIdentifier(p) && kept(p.node)) bump(p.node.name);
  });
  root.find(j.JSXIdentifier).forEach((p) => {
    if (kept(p.node)) bump(p.node.name);
  });
  return counts;
}

/** Snapshot of how often each import/require binding is used, to take before a rewrite. */
export function importUsage(j: JSCodeshift, root: Collection<any>): ImportUsage {
  return countReferences(j, root, bindingsOf(j, root));
}

function sideEffectModule(stmt: any): string | null {
  if (stmt.type === 'ImportDeclaration' && (stmt.specifiers ?? []).length === 0) return stmt.source.value;
  if (stmt.type === 'ExpressionStatement' && isRequireCall(stmt.expression)) return stmt.expression.arguments[0].value;
  return null;
}

/** What the removal of `gone` takes away: a whole statement or declarator when nothing of it is left, else the parts. */
function removedParts(gone: Set<Binding>, all: Binding[]): { statements: Set<any>; declarators: Set<any>; parts: any[] } {
  const left = (pick: (b: Binding) => boolean) => all.some((b) => pick(b) && !gone.has(b));
  const statements = new Set<any>();
  const declarators = new Set<any>();
  const parts: any[] = [];
  for (const b of gone) {
    if (!left((o) => o.statement === b.statement)) statements.add(b.statement);
    else if (b.declarator && !left((o) => o.declarator === b.declarator)) declarators.add(b.declarator);
    else parts.push(b.property ?? b.specifier);
  }
  return { statements, declarators, parts: parts.filter(Boolean) };
}

/**
 * removeNewlyUnusedImports for a transform with `ast.edits`: the tree stays as parsed, so a use
 * counts after the rewrite when no edit of `edit` removed or replaced it, plus the uses the edits'
 * new text makes. The declarations go as edits: a specifier or destructured name with its comma, a
 * statement with its line. Returns the removed names.
 */
export function removeNewlyUnusedImportEdits(j: JSCodeshift, root: Collection<any>, edit: SourceEdits, before: ImportUsage): string[] {
  const all = bindingsOf(j, root);
  const gone = new Set<Binding>();
  for (;;) {
    const { statements, declarators, parts } = removedParts(gone, all);
    const taken = [...statements, ...declarators, ...parts];
    const kept = (node: any) => survives(edit.list, node) && !taken.some((r) => r.start <= node.start && node.end <= r.end);
    const now = countReferences(j, root, all, kept);
    const unused = all.filter((b) => !gone.has(b) && (before.get(b.name) ?? 0) > 0 && now.get(b.name)! + mentionsIn(edit.list, b.name) === 0);
    if (unused.length === 0) break;
    unused.forEach((b) => gone.add(b));
  }
  const { statements, declarators, parts } = removedParts(gone, all);
  for (const stmt of statements) removeStatement(edit, stmt);
  const byList = new Map<any[], any[]>();
  const listOf = (node: any): any[] => {
    const b = all.find((x) => x.declarator === node || x.property === node || x.specifier === node)!;
    if (b.property === node) return b.declarator.id.properties;
    if (b.declarator === node) return b.statement.declarations;
    return b.statement.specifiers;
  };
  for (const node of [...declarators, ...parts]) {
    const list = listOf(node);
    if (!byList.has(list)) byList.set(list, []);
    byList.get(list)!.push(node);
  }
  for (const [list, nodes] of byList) removeImportListItems(edit, list, nodes);
  return [...gone].map((b) => b.name);
}

/**
 * Import specifiers keep their braces right: `import a, { b } from 'm'` loses `, { b }` with its
 * last named specifier and `a, ` with its default; other lists lose items with their commas.
 */
function removeImportListItems(edit: SourceEdits, list: any[], nodes: any[]): void {
  const isNamed = (s: any) => s.type === 'ImportSpecifier';
  if (!list.some(isNamed) || list.every(isNamed)) return removeListItems(edit, list, nodes.map((n) => list.indexOf(n)));
  const named = list.filter(isNamed);
  const source = edit.source;
  const first = list[0];
  if (nodes.includes(first) && !isNamed(first)) {
    const open = source.indexOf('{', first.end);
    edit.remove({ start: first.start, end: open });
  }
  const namedGone = named.filter((n) => nodes.includes(n));
  if (namedGone.length === named.length) {
    const close = source.indexOf('}', named[named.length - 1].end) + 1;
    if (!nodes.includes(first)) edit.remove({ start: first.end, end: close });
  } else if (namedGone.length) removeListItems(edit, named, namedGone.map((n) => named.indexOf(n)));
}

/** removeSideEffectImports as edits: each `import 'm'` / `require('m');` statement of `modules` goes with its line. */
export function removeSideEffectImportEdits(root: Collection<any>, edit: SourceEdits, modules: string[]): string[] {
  const removed: string[] = [];
  for (const stmt of programBody(root)) {
    const mod = sideEffectModule(stmt);
    if (mod !== null && modules.includes(mod)) {
      removeStatement(edit, stmt);
      removed.push(mod);
    }
  }
  return removed;
}
