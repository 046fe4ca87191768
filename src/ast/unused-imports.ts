import type { Collection, JSCodeshift } from 'jscodeshift';
import { sourceOf, statementFromCode } from './build';
import { isVariableIdentifier } from './scope';
import { requireSpecifier } from './require';

/**
 * Removing the last use of an import is part of a rewrite: a transform that deletes a winston File
 * transport also leaves `import DailyRotateFile from 'winston-daily-rotate-file'` and `import path`
 * behind. This module removes exactly those, and nothing the author left unused on purpose: take a
 * snapshot with `importUsage` before the rewrite and pass it to `removeNewlyUnusedImports` after;
 * only a binding that was referenced in the snapshot and has no reference left goes.
 */

/** Reference counts of the file's module-level import bindings, by local name. */
export type ImportUsage = Map<string, number>;

interface Binding {
  name: string;
  /** Identifier nodes that declare the name (never counted as references). */
  declaring: any[];
  /** Removes the binding from its declaration, and the declaration when nothing is left of it. */
  remove(): void;
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

/** Removes a statement, keeping its leading comments on the next statement (a file header, a licence). */
function removeStatement(body: any[], stmt: any): void {
  const index = body.indexOf(stmt);
  if (index < 0) return;
  const leading = (stmt.comments ?? []).filter((c: any) => c.leading);
  body.splice(index, 1);
  const next = body[index];
  if (leading.length > 0 && next) next.comments = [...leading, ...(next.comments ?? [])];
}

/**
 * A one-line destructuring keeps to one line: recast prints a pattern whose property list changed
 * over several lines, so it is rebuilt from text. Multi-line patterns are simply shortened.
 */
function patternWithout(j: JSCodeshift, pattern: any, rest: any[]): any {
  const oneLine = pattern.loc && pattern.loc.start.line === pattern.loc.end.line;
  if (!oneLine) {
    pattern.properties = rest;
    return pattern;
  }
  const text = rest.map((p) => sourceOf(j, p)).join(', ');
  return statementFromCode(j, `const { ${text} } = 0;`).declarations[0].id;
}

function importBindings(body: any[]): Binding[] {
  const found: Binding[] = [];
  for (const stmt of body) {
    if (stmt.type === 'TSImportEqualsDeclaration' && !stmt.isExport && stmt.moduleReference.type === 'TSExternalModuleReference') {
      found.push({ name: stmt.id.name, declaring: [stmt.id], remove: () => removeStatement(body, stmt) });
      continue;
    }
    if (stmt.type !== 'ImportDeclaration') continue;
    for (const spec of stmt.specifiers ?? []) {
      found.push({
        name: spec.local.name,
        declaring: [spec.local, spec.imported].filter(Boolean),
        remove() {
          stmt.specifiers = stmt.specifiers.filter((s: any) => s !== spec);
          // An import that only bound names goes whole: `import 'm'` left behind would look intended.
          if (stmt.specifiers.length === 0) removeStatement(body, stmt);
        },
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
      const removeDeclarator = () => {
        stmt.declarations = stmt.declarations.filter((x: any) => x !== d);
        if (stmt.declarations.length === 0) removeStatement(body, stmt);
      };
      if (d.id.type === 'Identifier') {
        known.add(d.id.name);
        found.push({ name: d.id.name, declaring: [d.id], remove: removeDeclarator });
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
          remove() {
            const rest = d.id.properties.filter((p: any) => p !== prop);
            if (rest.length === 0) return removeDeclarator();
            d.id = patternWithout(j, d.id, rest);
          },
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
function countReferences(j: JSCodeshift, root: Collection<any>, bindings: Binding[]): ImportUsage {
  const declaring = new Set(bindings.flatMap((b) => b.declaring));
  const counts: ImportUsage = new Map(bindings.map((b) => [b.name, 0]));
  const bump = (name: string) => {
    if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
  };
  root.find(j.Identifier).forEach((p) => {
    if (!declaring.has(p.node) && isVariableIdentifier(p)) bump(p.node.name);
  });
  root.find(j.JSXIdentifier).forEach((p) => bump(p.node.name));
  return counts;
}

/** Snapshot of how often each import/require binding is used, to take before a rewrite. */
export function importUsage(j: JSCodeshift, root: Collection<any>): ImportUsage {
  return countReferences(j, root, bindingsOf(j, root));
}

/**
 * Removes the import specifiers, requires and destructured names that `before` saw in use and that
 * the rewrite left without any use; repeats for names only those declarations used (`winston` in
 * `const { transports } = winston`). Returns the removed names.
 */
export function removeNewlyUnusedImports(j: JSCodeshift, root: Collection<any>, before: ImportUsage): string[] {
  const removed: string[] = [];
  for (;;) {
    const bindings = bindingsOf(j, root);
    const now = countReferences(j, root, bindings);
    const unused = bindings.filter((b) => (before.get(b.name) ?? 0) > 0 && now.get(b.name) === 0);
    if (unused.length === 0) return removed;
    for (const b of unused) {
      b.remove();
      removed.push(b.name);
    }
  }
}

function sideEffectModule(stmt: any): string | null {
  if (stmt.type === 'ImportDeclaration' && (stmt.specifiers ?? []).length === 0) return stmt.source.value;
  if (stmt.type === 'ExpressionStatement' && isRequireCall(stmt.expression)) return stmt.expression.arguments[0].value;
  return null;
}

/**
 * Removes `import 'm'` and `require('m');` statements of `modules`: only for a transform that knows
 * the module served nothing but what it removed (a plugin that registers a transport it deleted).
 */
export function removeSideEffectImports(root: Collection<any>, modules: string[]): string[] {
  const body = programBody(root);
  const removed: string[] = [];
  for (const stmt of [...body]) {
    const mod = sideEffectModule(stmt);
    if (mod !== null && modules.includes(mod)) {
      removeStatement(body, stmt);
      removed.push(mod);
    }
  }
  return removed;
}
