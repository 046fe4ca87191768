import { requireSpecifier } from './require';

/**
 * Where an inserted statement may go in a statement list. Two rules every transform that inserts
 * code must respect, because breaking either one breaks the service at start:
 *
 * - A preamble runs first: an APM or tracing agent patches modules as they load, so a `require`
 *   placed above `require('dd-trace').init()` loads its dependencies unpatched; `dotenv` must fill
 *   `process.env` before configuration is read. Nothing is inserted above the last statement of
 *   such a preamble.
 * - A statement that uses a name comes after the statement that declares it, whatever the kind:
 *   `var` is hoisted as `undefined` (`app.use(undefined)` throws at start), `let`/`const`/`class`
 *   throw in their dead zone, and a function or import is moved along for readers.
 */

/** Modules that must load before everything else: agents that patch other modules, environment loaders. */
const PREAMBLE_MODULES =
  /^(?:newrelic|dd-trace(?:\/init)?|elastic-apm-node(?:\/start)?|@opentelemetry\/|@sentry\/(?:node|tracing|profiling-node)|appdynamics|@google-cloud\/(?:trace-agent|debug-agent|profiler)|@instana\/collector|@splunk\/otel|@newrelic\/|dotenv(?:\/config)?$|dotenv-flow|dotenv-safe|module-alias\/register$|source-map-support\/register$|reflect-metadata$)/;

/** Project files that by their name start tracing or load the environment: `./tracing`, `../instrument.js`. */
const PREAMBLE_FILES = /(?:^|\/)(?:tracing|tracer|trace|instrument(?:ation)?|otel|opentelemetry|telemetry|apm|newrelic|sentry|datadog)(?:\.[cm]?[jt]s)?$/i;

/** Comments that pin their statement in front of everything else. */
const MUST_BE_FIRST =
  /\bmust\b[^\n]{0,40}\b(?:first|before|top)\b|\b(?:needs|has) to (?:be|come|run) (?:first|before)\b|\bkeep (?:this )?(?:at the )?(?:top|first)\b|\bdo not move\b|\bbefore (?:loading|importing|requiring) anything\b|\bbefore any other (?:import|require|module)/i;

function isPreambleModule(spec: unknown): boolean {
  return typeof spec === 'string' && (PREAMBLE_MODULES.test(spec) || (spec.startsWith('.') && PREAMBLE_FILES.test(spec)));
}

/** The module a statement loads: `import 'm'`, `require('m')`, `require('m').init()`, `const x = require('m')...`. */
function loadedModules(stmt: any): string[] {
  if (stmt.type === 'ImportDeclaration') return [stmt.source.value];
  const roots: any[] =
    stmt.type === 'ExpressionStatement' ? [stmt.expression] : stmt.type === 'VariableDeclaration' ? stmt.declarations.map((d: any) => d.init) : [];
  const found: string[] = [];
  for (let node of roots) {
    while (node && requireSpecifier(node) === null) {
      if (node.type === 'CallExpression') node = node.callee;
      else if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') node = node.object;
      else if (node.type === 'AwaitExpression') node = node.argument;
      else if (node.type === 'ImportExpression') node = null;
      else node = null;
    }
    const spec = requireSpecifier(node);
    if (spec !== null) found.push(spec);
  }
  return found;
}

function commentsOf(stmt: any): any[] {
  return [...(stmt.comments ?? []), ...(stmt.leadingComments ?? [])].filter((c: any) => c.leading !== false || c.trailing === true);
}

/** Names a statement declares at its level: variables (patterns too), functions, classes, imports, TS import-equals. */
export function declaredNames(stmt: any): string[] {
  const names: string[] = [];
  const fromPattern = (p: any): void => {
    if (!p) return;
    if (p.type === 'Identifier') names.push(p.name);
    else if (p.type === 'ObjectPattern') for (const prop of p.properties) fromPattern(prop.type === 'RestElement' ? prop.argument : prop.value);
    else if (p.type === 'ArrayPattern') p.elements.forEach(fromPattern);
    else if (p.type === 'AssignmentPattern') fromPattern(p.left);
    else if (p.type === 'RestElement') fromPattern(p.argument);
  };
  const node = (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration ? stmt.declaration : stmt;
  switch (node.type) {
    case 'VariableDeclaration':
      for (const d of node.declarations) fromPattern(d.id);
      break;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
    case 'TSImportEqualsDeclaration':
      if (node.id) names.push(node.id.name);
      break;
    case 'ImportDeclaration':
      for (const s of node.specifiers ?? []) names.push(s.local.name);
      break;
  }
  return names;
}

const SKIP = new Set(['loc', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'original', 'typeAnnotation']);

/** Identifier names a node reads (property keys of `a.b` and `{ b: 1 }` excluded); over-approximates shadowing, which only delays placement. */
export function referencedNames(node: any): Set<string> {
  const names = new Set<string>();
  const visit = (n: any, parent: any, key: string): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x, parent, key);
      return;
    }
    if (n.type === 'Identifier' || n.type === 'JSXIdentifier') {
      const isKey =
        ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && key === 'property' && !parent.computed) ||
        ((parent?.type === 'ObjectProperty' || parent?.type === 'Property' || parent?.type === 'ObjectMethod') && key === 'key' && !parent.computed && !parent.shorthand);
      if (!isKey) names.add(n.name);
      return;
    }
    for (const k of Object.keys(n)) if (!SKIP.has(k)) visit(n[k], n, k);
  };
  visit(node, null, '');
  return names;
}

/**
 * How many leading statements of a program's body form the preamble that must run first: up to the
 * last statement that loads an agent or environment module (`require('newrelic')`,
 * `require('dd-trace').init()`, `import './tracing'`, `require('dotenv').config()`), carries a
 * "must be first" comment, or uses a binding such a statement declared (`tracer.start()`).
 */
export function preambleLength(body: any[]): number {
  const bound = new Set<string>();
  let end = 0;
  for (let i = 0; i < body.length; i++) {
    const stmt = body[i];
    const loads = loadedModules(stmt).some(isPreambleModule);
    const pinned = commentsOf(stmt).some((c: any) => MUST_BE_FIRST.test(String(c.value)));
    const continues = end === i && i > 0 && bound.size > 0 && [...referencedNames(stmt)].some((n) => bound.has(n));
    if (loads || pinned || continues) {
      end = i + 1;
      for (const n of declaredNames(stmt)) bound.add(n);
    }
  }
  return end;
}

/**
 * The first index at or after `index` where `node` may go in `body`: below every statement of
 * `body` from `index` on that declares a name `node` uses, and, when `body` is a program's body,
 * below its preamble.
 */
export function placementIndex(body: any[], index: number, node: any, opts: { program?: boolean } = {}): number {
  let at = opts.program ? Math.max(index, preambleLength(body)) : index;
  const used = referencedNames(node);
  for (let i = at; i < body.length; i++) {
    if (declaredNames(body[i]).some((n) => used.has(n))) at = i + 1;
  }
  return Math.min(at, body.length);
}
