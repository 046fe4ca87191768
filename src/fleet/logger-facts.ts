import jscodeshift from 'jscodeshift';
import { moduleBindings } from '../ast/apps';
import { requireSpecifier } from '../ast/require';
import { dottedName, visitNodes } from './ast-visit';
import type { ParsedFile } from './facts';
import type { LoggerClassFact, LoggerFact, LoggerLibrary, ServiceModel, WinstonFormatFacts } from './types';

const j = jscodeshift.withParser('babel');
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'verbose', 'log'];
const LIBRARIES: { library: LoggerLibrary; module: string; creators: string[] }[] = [
  { library: 'winston', module: 'winston', creators: ['createLogger'] },
  { library: 'pino', module: 'pino', creators: ['()', 'pino', 'default'] },
  { library: 'bunyan', module: 'bunyan', creators: ['createLogger'] },
];

/** How a module exports a local binding: `default`, a named export, or `module.exports` itself. */
function exportNameOf(p: ParsedFile, binding: string | null, node: any): string | undefined {
  const s = p.source;
  if (binding) {
    const b = binding.replace(/[$]/g, '\\$');
    if (new RegExp(`export\\s+(const|let|var)\\s+${b}\\b`).test(s)) return binding;
    if (new RegExp(`export\\s+default\\s+${b}\\b`).test(s)) return 'default';
    if (new RegExp(`module\\.exports\\s*=\\s*${b}\\b`).test(s)) return 'module.exports';
    const named = new RegExp(`(?:module\\.)?exports\\.(\\w+)\\s*=\\s*${b}\\b`).exec(s);
    if (named) return named[1];
    if (new RegExp(`export\\s*\\{[^}]*\\b${b}\\b(\\s+as\\s+(\\w+))?`).test(s)) return new RegExp(`export\\s*\\{[^}]*\\b${b}\\s+as\\s+(\\w+)`).exec(s)?.[1] ?? binding;
    if (new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${b}\\b`).test(s)) return binding;
    return undefined;
  }
  const before = s.slice(Math.max(0, node.start - 40), node.start);
  if (/export\s+default\s*$/.test(before)) return 'default';
  if (/module\.exports\s*=\s*$/.test(before)) return 'module.exports';
  const named = /(?:module\.)?exports\.(\w+)\s*=\s*$/.exec(before);
  return named?.[1];
}

function winstonFormat(source: string): WinstonFormatFacts {
  const facts: WinstonFormatFacts = { json: /\bjson\s*\(/.test(source), errors: /\berrors\s*\(/.test(source) };
  const printf = /printf\s*\(\s*(?:\(\s*(\{[^}]*\}|\w+)\s*\)|(\w+))\s*=>/.exec(source);
  if (printf) {
    const params = printf[1] ?? printf[2];
    const body = source.slice(printf.index, printf.index + 400);
    const readsMeta = /\.\.\.\w+|JSON\.stringify|meta|Object\.(keys|entries)|\bstack\b|\binfo\b(?!\.(level|message|timestamp))/.test(params.startsWith('{') ? params + body.replace(/^[^=]*=>/, '') : '') || (!params.startsWith('{') && /JSON\.stringify|\.\.\.|Object\.(keys|entries)|\bstack\b/.test(body));
    if (!readsMeta) facts.printfIgnoresMeta = { file: '', line: source.slice(0, printf.index).split('\n').length };
  }
  return facts;
}

function serviceNameOf(text: string): string | undefined {
  return /defaultMeta\s*:\s*\{[^}]*\bservice\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? /\bname\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1];
}

/**
 * Whether the text can hold two level methods (`info(…) {`, `info: (…) =>`, `exports.info =`), the
 * least projectLogger needs: calls such as `logger.info(` do not count, so most files skip the parse.
 */
const LEVEL_METHOD = new RegExp(`(?:exports\\.|(?<![.\\w$]))['"]?(${LEVELS.join('|')})['"]?\\s*[(:=<]`, 'g');
function mayDefineLevelMethods(source: string): boolean {
  const seen = new Set<string>();
  for (const m of source.matchAll(LEVEL_METHOD)) if (seen.add(m[1]).size >= 2) return true;
  return false;
}

/**
 * The level methods (`info`, `error`, ...) a class body or object literal defines, with their
 * arities, when it defines two or more: the mark of a logger implementation, whatever it is called.
 */
export function levelMethodsOf(container: any): Record<string, number> | undefined {
  const methods: Record<string, number> = {};
  const members = container?.type === 'ClassBody' ? container.body : container?.type === 'ObjectExpression' ? container.properties : [];
  for (const m of members ?? []) {
    if (m.computed || m.static) continue;
    const key = m.key?.name ?? m.key?.value;
    if (!LEVELS.includes(key)) continue;
    const fn = m.type === 'ObjectMethod' || m.type === 'ClassMethod' ? m : /Function/.test(m.value?.type ?? '') ? m.value : null;
    if (fn && fn.kind !== 'get' && fn.kind !== 'set') methods[key] = fn.params.length;
  }
  return Object.keys(methods).length >= 2 ? methods : undefined;
}

/** Exported classes with two or more level methods: a logger of the project's own that is made per use (`new LoggerService()`, Nest's injected loggers), not one module-level instance. */
export function loggerClassesIn(parsed: ParsedFile[]): LoggerClassFact[] {
  const out: LoggerClassFact[] = [];
  for (const p of parsed) {
    if (!/\bclass\b/.test(p.source) || !mayDefineLevelMethods(p.source)) continue;
    visitNodes(p.ast, (node, ancestors) => {
      if (node.type !== 'ClassDeclaration' || !node.id?.name) return;
      const parent = ancestors[ancestors.length - 1];
      const name = node.id.name.replace(/[$]/g, '\\$');
      const exported = /^Export(Named|Default)Declaration$/.test(parent?.type ?? '') || new RegExp(`(?:module\\.exports\\s*=\\s*|exports\\.\\w+\\s*=\\s*|export\\s*\\{[^}]*\\b)${name}\\b`).test(p.source);
      const methods = exported && levelMethodsOf(node.body);
      if (methods) out.push({ file: p.file, line: node.loc?.start.line ?? 0, name: node.id.name, methods: Object.keys(methods) });
    });
  }
  return out;
}

/** An exported object whose level methods are functions: a project's own logger, with their arities. */
function projectLogger(p: ParsedFile): { exportName: string; methods: Record<string, number>; line: number } | undefined {
  let found: { exportName: string; methods: Record<string, number>; line: number } | undefined;
  const methodsOf = levelMethodsOf;
  const perExport: Record<string, number> = {};
  visitNodes(p.ast, (node) => {
    if (found) return;
    if (node.type === 'ExportNamedDeclaration' && node.declaration?.type === 'VariableDeclaration') {
      for (const d of node.declaration.declarations) {
        const methods = d.init?.type === 'ObjectExpression' && methodsOf(d.init);
        if (methods && d.id?.name) found = { exportName: d.id.name, methods, line: node.loc?.start.line ?? 0 };
      }
    }
    if (node.type === 'AssignmentExpression') {
      const left = dottedName(node.left);
      if ((left === 'module.exports' || left === 'exports') && node.right?.type === 'ObjectExpression') {
        const methods = methodsOf(node.right);
        if (methods) found = { exportName: 'module.exports', methods, line: node.loc?.start.line ?? 0 };
      }
      const m = left && /^(?:module\.)?exports\.(\w+)$/.exec(left);
      if (m && LEVELS.includes(m[1]) && /Function/.test(node.right?.type ?? '')) perExport[m[1]] = node.right.params.length;
    }
  });
  if (!found && Object.keys(perExport).length >= 2) found = { exportName: 'module.exports', methods: perExport, line: 0 };
  return found;
}

/**
 * The service's logger: a runtime module exporting a winston/pino/bunyan instance, else one
 * exporting an object with level methods. Decided from what the module is, never from a binding's name.
 */
export function loggerIn(parsed: ParsedFile[], service: ServiceModel): LoggerFact | undefined {
  let custom: LoggerFact | undefined;
  for (const p of parsed) {
    for (const lib of LIBRARIES) {
      if (!p.source.includes(`'${lib.module}'`) && !p.source.includes(`"${lib.module}"`)) continue;
      const b = moduleBindings(j, p.root, [lib.module]);
      const direct = p.source.includes(`require('${lib.module}')(`) || p.source.includes(`require("${lib.module}")(`);
      if (b.whole.size === 0 && b.named.size === 0 && !direct) continue;
      let fact: LoggerFact | undefined;
      visitNodes(p.ast, (node, ancestors) => {
        if (fact || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return;
        const callee = node.callee;
        const name = callee.type === 'Identifier' ? (b.whole.has(callee.name) ? '()' : b.named.get(callee.name)) : requireSpecifier(callee) === lib.module ? '()' : (() => {
          const d = dottedName(callee);
          const [head, ...rest] = d?.split('.') ?? [];
          return head && b.whole.has(head) ? rest.join('.') : undefined;
        })();
        if (!name || !lib.creators.includes(name)) return;
        const parent = ancestors[ancestors.length - 1];
        const binding = parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier' ? parent.id.name : null;
        const exportName = exportNameOf(p, binding, node);
        if (!exportName) return;
        const text = p.source.slice(node.start, node.end);
        fact = {
          module: p.file,
          exportName,
          library: lib.library,
          why: `${relative(service, p.file)} exports a ${lib.library} instance (${exportName === 'module.exports' ? 'module.exports' : exportName === 'default' ? 'default export' : `export ${exportName}`})`,
          defined: { file: p.file, line: node.loc?.start.line ?? 0 },
        };
        if (lib.library === 'winston') {
          const w = winstonFormat(p.source);
          if (w.printfIgnoresMeta) w.printfIgnoresMeta.file = p.file;
          fact.winston = w;
        }
        const serviceName = serviceNameOf(text);
        if (serviceName) fact.serviceName = serviceName;
        if (/mixin\s*[:(]|AsyncLocalStorage|getStore\s*\(/.test(p.source)) fact.addsCorrelationId = true;
      });
      if (fact) return fact;
    }
    if (!custom && /\bexports?\b/.test(p.source) && mayDefineLevelMethods(p.source)) {
      const own = projectLogger(p);
      if (own)
        custom = {
          module: p.file,
          exportName: own.exportName,
          library: 'custom',
          why: `${relative(service, p.file)} exports ${own.exportName === 'module.exports' ? 'an object' : own.exportName} with level methods (${Object.keys(own.methods).join(', ')})`,
          defined: { file: p.file, line: own.line },
          methods: own.methods,
        };
    }
  }
  return custom;
}

function relative(service: ServiceModel, file: string): string {
  return file.startsWith(service.dir + '/') ? file.slice(service.dir.length + 1) : file;
}
