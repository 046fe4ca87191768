import * as babel from '@babel/parser';
import { babelOptions } from '../engine/parser';
import { requireSpecifier } from '../ast/require';

/** One module a file loads, as written. */
export interface ModuleRef {
  specifier: string;
  kind: 'import' | 'require' | 'dynamic' | 'export';
  line: number;
  /** Named bindings an ESM import takes (not `default`, not type-only). */
  names: string[];
  /** `import type` / `export type`: erased, never loaded. */
  typeOnly: boolean;
}

/** A top-level binding read before the statement that declares it runs. */
export interface EarlyUse {
  name: string;
  line: number;
  declaredLine: number;
  declaredWith: string;
}

export interface ModuleFacts {
  refs: ModuleRef[];
  earlyUses: EarlyUse[];
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'range']);
const TYPE_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeParameters', 'implements', 'predicate']);
const TS_VALUE_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/** Places that declare names rather than read them (defaults inside patterns are not read either: rare, and only ever a miss). */
const BINDING_KEYS = new Set([
  'VariableDeclarator.id',
  'FunctionDeclaration.params',
  'FunctionExpression.params',
  'ArrowFunctionExpression.params',
  'ObjectMethod.params',
  'ClassMethod.params',
  'ClassPrivateMethod.params',
  'CatchClause.param',
  'AssignmentPattern.left',
]);

type Visit = (node: any, parent: any, key: string) => boolean | void;

/** Walks value positions of a babel tree; `visit` returning false stops the descent there. */
function walk(node: any, visit: Visit, parent: any = null, key = ''): void {
  if (!node || typeof node.type !== 'string') return;
  if (visit(node, parent, key) === false) return;
  if (node.type.startsWith('TS') && !TS_VALUE_WRAPPERS.has(node.type) && node.type !== 'TSEnumDeclaration' && node.type !== 'TSModuleDeclaration' && node.type !== 'TSExportAssignment' && node.type !== 'TSImportEqualsDeclaration') return;
  for (const k of Object.keys(node)) {
    if (SKIP_KEYS.has(k) || TYPE_KEYS.has(k) || BINDING_KEYS.has(`${node.type}.${k}`)) continue;
    const v = node[k];
    if (Array.isArray(v)) for (const c of v) walk(c, visit, node, k);
    else if (v && typeof v.type === 'string') walk(v, visit, node, k);
  }
}

/** Whether an Identifier in this place reads a binding (not a property name, label or declaration). */
function isReference(parent: any, key: string): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key !== 'property' || parent.computed;
    case 'ObjectProperty':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
      return key === 'value' || parent.computed;
    case 'ObjectMethod':
    case 'ClassMethod':
      return key === 'key' && parent.computed;
    case 'VariableDeclarator':
      return key === 'init';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return key === 'body' || key === 'superClass';
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'ExportNamespaceSpecifier':
    case 'MetaProperty':
    case 'CatchClause':
    case 'TSEnumDeclaration':
    case 'TSEnumMember':
    case 'TSModuleDeclaration':
    case 'TSImportEqualsDeclaration':
    case 'RestElement':
    case 'ArrayPattern':
      return false;
    case 'AssignmentPattern':
      return key === 'right';
    default:
      return true;
  }
}

/** Names a pattern (`a`, `{ a, b: [c] }`, `...d`, `e = 1`) binds. */
function patternNames(node: any, out: string[] = []): string[] {
  if (!node) return out;
  switch (node.type) {
    case 'Identifier':
      out.push(node.name);
      break;
    case 'ObjectPattern':
      for (const p of node.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const e of node.elements) patternNames(e, out);
      break;
    case 'RestElement':
      patternNames(node.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(node.left, out);
      break;
    case 'TSParameterProperty':
      patternNames(node.parameter, out);
      break;
  }
  return out;
}

function stringArg(node: any): string | null {
  if (!node) return null;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

function refsOf(program: any): ModuleRef[] {
  const refs: ModuleRef[] = [];
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration') {
      const typeOnly = stmt.importKind === 'type' || stmt.importKind === 'typeof';
      const names = stmt.specifiers
        .filter((s: any) => s.type === 'ImportSpecifier' && s.importKind !== 'type' && s.importKind !== 'typeof')
        .map((s: any) => (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value))
        .filter((n: string) => n !== 'default');
      const valueSpecs = stmt.specifiers.filter((s: any) => s.importKind !== 'type' && s.importKind !== 'typeof');
      refs.push({ specifier: stmt.source.value, kind: 'import', line: stmt.loc.start.line, names, typeOnly: typeOnly || (stmt.specifiers.length > 0 && valueSpecs.length === 0) });
    } else if ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportAllDeclaration') && stmt.source) {
      refs.push({ specifier: stmt.source.value, kind: 'export', line: stmt.loc.start.line, names: [], typeOnly: stmt.exportKind === 'type' });
    } else if (stmt.type === 'TSImportEqualsDeclaration' && stmt.moduleReference.type === 'TSExternalModuleReference') {
      refs.push({ specifier: stmt.moduleReference.expression.value, kind: 'require', line: stmt.loc.start.line, names: [], typeOnly: stmt.importKind === 'type' });
    }
  }
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const req = requireSpecifier(node);
    if (req !== null) refs.push({ specifier: req, kind: 'require', line: node.loc.start.line, names: [], typeOnly: false });
    else if (node.callee.type === 'Import') {
      const spec = stringArg(node.arguments[0]);
      if (spec !== null) refs.push({ specifier: spec, kind: 'dynamic', line: node.loc.start.line, names: [], typeOnly: false });
    }
  });
  return refs;
}

interface TopBinding {
  index: number;
  line: number;
  kind: string;
}

/** Top-level bindings that are not ready before their statement runs (var, let, const, class). */
function lateBindings(body: any[]): Map<string, TopBinding> {
  const out = new Map<string, TopBinding>();
  body.forEach((raw, index) => {
    const stmt = raw.type === 'ExportNamedDeclaration' && raw.declaration ? raw.declaration : raw;
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) for (const n of patternNames(d.id)) if (!out.has(n)) out.set(n, { index, line: stmt.loc.start.line, kind: stmt.kind });
    } else if (stmt.type === 'ClassDeclaration' && stmt.id && !out.has(stmt.id.name)) out.set(stmt.id.name, { index, line: stmt.loc.start.line, kind: 'class' });
  });
  return out;
}

/** Reads of late top-level bindings in statements that run before the declaring one. */
function earlyUsesOf(body: any[]): EarlyUse[] {
  const late = lateBindings(body);
  const uses: EarlyUse[] = [];
  body.forEach((stmt, index) => {
    walk(stmt, (node, parent, key) => {
      // Code in a function runs when it is called, by then the module has finished loading.
      if (FUNCTIONS.has(node.type)) return false;
      if (node.type === 'ClassProperty' && !node.static) return false;
      if (node.type !== 'Identifier' || !isReference(parent, key)) return;
      const b = late.get(node.name);
      if (b && b.index > index) uses.push({ name: node.name, line: node.loc.start.line, declaredLine: b.line, declaredWith: b.kind });
    });
  });
  return uses;
}

/** What verification reads of a file's text: modules it loads and top-level order. Throws on a parse error. */
export function moduleFacts(file: string, text: string): ModuleFacts {
  const ast = babel.parse(text, { ...babelOptions(file), tokens: false, attachComment: false, errorRecovery: false });
  return { refs: refsOf(ast.program), earlyUses: earlyUsesOf(ast.program.body) };
}
