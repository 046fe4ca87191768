import fs from 'node:fs';
import path from 'node:path';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { requireSpecifier } from './require';

export type ModuleSystem = 'esm' | 'cjs';

export interface ImportRequest {
  /** Module specifier as it should be written in this file. */
  source: string;
  /** The exported name (for `named`) or the preferred local name (for `default`). */
  name: string;
  kind: 'named' | 'default';
  /** Whether an import/require source in this file names the module (default: equal text). */
  matches?: (spec: string) => boolean;
}

export function isRequireCall(node: any): boolean {
  return requireSpecifier(node) !== null;
}

/** `require('x')`, `require('x').y` or `require('x').default` at the root of an initialiser: its specifier. */
function requiredModule(init: any): string | null {
  let node = init;
  while (node && (node.type === 'MemberExpression' || node.type === 'CallExpression') && !isRequireCall(node)) {
    node = node.type === 'MemberExpression' ? node.object : node.callee;
  }
  return isRequireCall(node) ? node.arguments[0].value : null;
}

/** A statement that loads a module: `const x = require('m')`, `require('m').init()`. */
export function isRequireStatement(stmt: any): boolean {
  if (stmt.type === 'VariableDeclaration') return stmt.declarations.some((d: any) => requiredModule(d.init) !== null);
  if (stmt.type === 'ExpressionStatement') return requiredModule(stmt.expression) !== null;
  return false;
}

export function programOf(root: Collection<any>): any {
  const node = root.get().node;
  return node.type === 'File' ? node.program : node;
}

/**
 * ESM or CommonJS, as the file is: the extension decides for .mjs/.cjs; otherwise import/export
 * statements mean ESM and require/module.exports mean CommonJS; TypeScript defaults to ESM syntax.
 */
export function moduleSystem(j: JSCodeshift, root: Collection<any>, file: string): ModuleSystem {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.cjs' || ext === '.cts') return 'cjs';
  if (ext === '.mjs' || ext === '.mts') return 'esm';
  const body = programOf(root).body as any[];
  if (body.some((s) => /^(Import|Export(Named|Default|All))Declaration$/.test(s.type))) return 'esm';
  if (body.some(isRequireStatement)) return 'cjs';
  const usesModuleExports = root
    .find(j.MemberExpression, { object: { type: 'Identifier', name: 'module' }, property: { name: 'exports' } })
    .size() > 0;
  if (usesModuleExports) return 'cjs';
  if (/\.[cm]?tsx?$/.test(ext)) return 'esm';
  return packageType(path.dirname(file)) === 'module' ? 'esm' : 'cjs';
}

const packageTypes = new Map<string, string>();

/** The "type" of the nearest package.json (Node's rule for plain .js files), cached per folder. */
function packageType(dir: string): string {
  const cached = packageTypes.get(dir);
  if (cached !== undefined) return cached;
  let type = 'commonjs';
  const file = path.join(dir, 'package.json');
  if (fs.existsSync(file)) {
    try {
      type = JSON.parse(fs.readFileSync(file, 'utf8')).type === 'module' ? 'module' : 'commonjs';
    } catch {
      // An unreadable package.json says nothing about the module system.
    }
  } else if (path.dirname(dir) !== dir) {
    type = packageType(path.dirname(dir));
  }
  packageTypes.set(dir, type);
  return type;
}

/** The local name already bound to the requested import in this file (type-only imports do not count), or null. */
export function findImport(j: JSCodeshift, root: Collection<any>, req: ImportRequest): string | null {
  const matches = req.matches ?? ((s: string) => s === req.source);
  for (const stmt of programOf(root).body as any[]) {
    if (stmt.type === 'ImportDeclaration' && stmt.importKind !== 'type' && matches(stmt.source.value)) {
      for (const spec of stmt.specifiers ?? []) {
        if (spec.importKind === 'type') continue;
        if (req.kind === 'named' && spec.type === 'ImportSpecifier' && (spec.imported.name ?? spec.imported.value) === req.name)
          return spec.local.name;
        if (req.kind === 'default' && spec.type === 'ImportDefaultSpecifier') return spec.local.name;
      }
    }
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        const mod = requiredModule(d.init);
        if (mod === null || !matches(mod)) continue;
        const direct = isRequireCall(d.init);
        if (req.kind === 'default' && direct && d.id.type === 'Identifier') return d.id.name;
        if (req.kind === 'named' && direct && d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties) {
            const key = p.key?.name ?? p.key?.value;
            if ((p.type === 'ObjectProperty' || p.type === 'Property') && key === req.name && p.value.type === 'Identifier')
              return p.value.name;
          }
        }
        if (
          req.kind === 'named' &&
          d.id.type === 'Identifier' &&
          d.init.type === 'MemberExpression' &&
          isRequireCall(d.init.object) &&
          (d.init.property.name ?? d.init.property.value) === req.name
        )
          return d.id.name;
      }
    }
  }
  return null;
}
