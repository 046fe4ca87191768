import type { Collection, JSCodeshift } from 'jscodeshift';
import type { LoggerFact } from '../../src/fleet/types';

/**
 * How the handler logs: through the file's structured logger (pino puts fields first, winston
 * after the message) or through console.
 */
export interface LogTarget {
  /** `logger`, `app.log`, `console`. */
  expr: string;
  style: 'pino' | 'winston' | 'console';
  /**
   * winston only: whether an Error given as the meta keeps its message and stack (`format.errors` in
   * the chain). Without it a JSON format prints `{}` for an Error, so the handler spells out its keys.
   */
  errorAsMeta?: boolean;
}

const LOGGER_NAME = /^(logger|log)$/;
// Modules whose `logger`/`log` export is not a structured logger (HTTP middleware, debug).
const NOT_LOGGERS = ['console', 'node:console', 'debug', 'morgan', 'koa-logger', 'pino-http', 'express-winston', 'koa-pino-logger', 'express-pino-logger'];

function isProjectModule(source: string): boolean {
  return /^(\.{1,2}\/|[@~#]\/|src\/)/.test(source);
}

/**
 * Whether `logger` bound from `source` is a logger instance: anything from the project's own
 * modules; from a package only a named export (`{ logger }` from '@acme/shared'), since a package's
 * default export named logger is usually a factory or middleware (`require('koa-logger')`).
 */
function isLoggerSource(source: string, named: boolean): boolean {
  if (NOT_LOGGERS.includes(source)) return false;
  return named || isProjectModule(source);
}
const LEVELS = ['info', 'warn', 'error', 'debug', 'fatal', 'trace'];

function stringValue(node: any): string | null {
  return node && (node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string' ? node.value : null;
}

/** `logger`/`log` imported or required from a module other than console/debug, at the top of the file. */
function importedLogger(j: JSCodeshift, root: Collection<any>): string | null {
  let found: string | null = null;
  root.find(j.ImportDeclaration).forEach((p: any) => {
    if (found || p.node.importKind === 'type') return;
    for (const s of p.node.specifiers ?? [])
      if (s.importKind !== 'type' && LOGGER_NAME.test(s.local.name) && isLoggerSource(p.node.source.value, s.type === 'ImportSpecifier')) found = s.local.name;
  });
  const program = root.get().node.program;
  for (const stmt of program.body) {
    if (found || stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations) {
      const member = d.init?.type === 'MemberExpression';
      const init = member ? d.init.object : d.init;
      const isRequire = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
      const source = isRequire ? stringValue(init.arguments[0]) : null;
      // `const logger = pino()` / `winston.createLogger(...)` in the file itself counts too.
      const isFactory = !isRequire && init?.type === 'CallExpression' && /pino|winston|bunyan|createLogger|getLogger/i.test(j(init.callee).toSource());
      if (d.id.type === 'Identifier' && LOGGER_NAME.test(d.id.name) && (isFactory || (source !== null && isLoggerSource(source, member)))) found = d.id.name;
      if (d.id.type === 'ObjectPattern' && source !== null && isLoggerSource(source, true))
        for (const prop of d.id.properties) if (prop.value?.type === 'Identifier' && LOGGER_NAME.test(prop.value.name)) found = prop.value.name;
    }
  }
  return found;
}

/**
 * pino or winston: as console-to-logger wrote the calls when it says so (`facts.loggerStyle`), else
 * from how the file already calls the logger, else pino when the file uses a pino module or
 * Fastify, else
 * winston (console-to-logger's default order too).
 */
function callStyle(j: JSCodeshift, root: Collection<any>, logger: string, told: unknown): 'pino' | 'winston' {
  if (told === 'pino' || told === 'winston') return told;
  let pino = 0;
  let winston = 0;
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name: logger } } }).forEach((p: any) => {
    if (!LEVELS.includes(p.node.callee.property.name)) return;
    const [first, second] = p.node.arguments;
    const isText = (n: any) => n && (stringValue(n) !== null || n.type === 'TemplateLiteral');
    if (first?.type === 'ObjectExpression' && isText(second)) pino++;
    else if (isText(first) && second && !isText(second)) winston++;
  });
  if (pino !== winston) return pino > winston ? 'pino' : 'winston';
  const modules: string[] = [];
  root.find(j.ImportDeclaration).forEach((p: any) => void modules.push(p.node.source.value));
  root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((p: any) => {
    const v = stringValue(p.node.arguments[0]);
    if (v !== null) modules.push(v);
  });
  // pino itself, pino-http, express-pino-logger; Fastify logs through pino, so its services' loggers likely do too.
  const pinoHere = modules.some((m) => /pino/.test(m) || m === 'fastify') && !modules.some((m) => /winston/.test(m));
  return pinoHere ? 'pino' : 'winston';
}

/**
 * The logger the handler calls and in which argument order. The order comes from the service's
 * logger library in the fleet model when it has one (pino and bunyan: fields first; winston and
 * project loggers: message first); a file-level guess only outside a fleet run.
 */
export function logTarget(j: JSCodeshift, root: Collection<any>, facts: Record<string, unknown>, logger?: LoggerFact): LogTarget {
  const name = typeof facts.logger === 'string' && facts.logger ? facts.logger : importedLogger(j, root);
  if (!name) return { expr: 'console', style: 'console' };
  if (logger) {
    if (logger.library === 'pino' || logger.library === 'bunyan') return { expr: name, style: 'pino' };
    return { expr: name, style: 'winston', errorAsMeta: logger.library === 'winston' && logger.winston?.errors === true };
  }
  return { expr: name, style: callStyle(j, root, name, facts.loggerStyle) };
}
