import path from 'node:path';
import { readText } from '../fleet/read';
import { isInside } from '../ast/paths';
import type { GeneratedFile } from '../types';
import type { ServiceModel } from '../fleet/types';
import { middlewareFolder } from './folders';
import { withRuntimeExtension, type ImportStyle } from '../ast/modules';

/**
 * The logger module console-to-logger creates in a service that has none (zero-config first run),
 * and that other transforms (graceful-shutdown) may log through: `logger.error/warn/info/debug(message,
 * meta)`. It uses the logging library the service already depends on (pino, winston); otherwise it is
 * a dependency-free JSON-lines logger to stdout. No dependency is ever added. When the service has the
 * correlation-id module (`getCorrelationId()` from its AsyncLocalStorage), every line carries the ID.
 */
export const LOGGER_BASENAME = 'logger';

export type ScaffoldLibrary = 'pino' | 'winston' | 'plain';

export interface LoggerScaffold {
  /** Absolute path of the module inside the service. */
  path: string;
  library: ScaffoldLibrary;
  /** Whether the module adds the correlation ID itself (the correlation module exists). */
  addsCorrelationId: boolean;
  content: string;
}

interface Flavour {
  ts: boolean;
  esm: boolean;
  /** Specifier of the correlation module from the logger module, when there is one. */
  correlation?: string;
}

/** The line every logger module shipshape creates carries: a file without it is the service's own. */
export const SCAFFOLD_MARK = 'Created by shipshape (console-to-logger)';

const HEADER = `/**
 * The service's structured logger: one JSON object per line on stdout, with level, message and
 * metadata; Errors keep their message and stack.
 * Created by shipshape (console-to-logger): yours to change.
 */`;

function importLine(f: Flavour, what: string, from: string): string {
  return f.esm || f.ts ? `import ${what} from '${from}';` : `const ${what.replace(/ as /g, ': ')} = require('${from}');`;
}

function correlationImport(f: Flavour): string {
  return f.correlation ? `${importLine(f, '{ getCorrelationId }', f.correlation)}\n` : '';
}

function exportLogger(f: Flavour, expr: string): string {
  return f.esm || f.ts ? `export const logger = ${expr};\n` : `const logger = ${expr};\n\nmodule.exports = { logger };\n`;
}

function pinoModule(f: Flavour): string {
  const mixin = f.correlation
    ? `\n  // Every line logged while a request is handled carries its correlation ID.\n  mixin${f.ts ? '(): Record<string, unknown>' : '()'} {\n    const correlationId = getCorrelationId();\n    return correlationId ? { correlationId } : {};\n  },`
    : '';
  const record = f.ts ? '(object: Record<string, unknown>): Record<string, unknown>' : '(object)';
  const errors = `\n  // pino prints an Error with its message and stack only under \`err\`; under any other key as {}.\n  formatters: {\n    log${record} {\n      const out = { ...object };\n      for (const key of Object.keys(out)) if (out[key] instanceof Error) out[key] = pino.stdSerializers.err(out[key]${f.ts ? ' as Error' : ''});\n      return out;\n    },\n  },`;
  return `${HEADER}
${importLine(f, 'pino', 'pino')}
${correlationImport(f)}
${exportLogger(f, `pino({\n  level: process.env.LOG_LEVEL ?? 'info',${mixin}${errors}\n})`)}`;
}

function winstonModule(f: Flavour): string {
  const correlation = f.correlation
    ? `\n// Every line logged while a request is handled carries its correlation ID.\nconst correlationId = winston.format((info) => {\n  const id = getCorrelationId();\n  if (id && info.correlationId === undefined) info.correlationId = id;\n  return info;\n});\n`
    : '';
  const formats = [...(f.correlation ? ['correlationId()'] : []), 'winston.format.errors({ stack: true })', 'winston.format.timestamp()', 'winston.format.json()'];
  return `${HEADER}
${importLine(f, 'winston', 'winston')}
${correlationImport(f)}${correlation}
${exportLogger(f, `winston.createLogger({\n  level: process.env.LOG_LEVEL ?? 'info',\n  format: winston.format.combine(${formats.join(', ')}),\n  transports: [new winston.transports.Console()],\n})`)}`;
}

function plainModule(f: Flavour): string {
  const t = (annotation: string) => (f.ts ? annotation : '');
  const correlation = f.correlation
    ? `  const correlationId = getCorrelationId();\n  if (correlationId !== undefined && record.correlationId === undefined) record.correlationId = correlationId;\n`
    : '';
  return `${HEADER}
${correlationImport(f)}${f.ts ? "type Level = 'error' | 'warn' | 'info' | 'debug';\ntype Meta = Record<string, unknown>;\n\n" : ''}const RANK${t(': Record<Level, number>')} = { error: 0, warn: 1, info: 2, debug: 3 };
const threshold = RANK[process.env.LOG_LEVEL${t(' as Level')}] ?? RANK.info;

// JSON.stringify prints an Error as {}: its message and stack are not own enumerable properties.
function serialise(value${t(': unknown')})${t(': unknown')} {
  return value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
}

function write(level${t(': Level')}, message${t(': unknown')}, meta${t('?: Meta')})${t(': void')} {
  if (RANK[level] > threshold) return;
  const record${t(': Record<string, unknown>')} = { time: new Date().toISOString(), level };
  if (message instanceof Error) {
    record.message = message.message;
    record.error = serialise(message);
  } else record.message = message;
  // Object.keys, not Object.entries: services compiled for ES5/ES2015 libs type-check this too.
  const extra${t(': Record<string, unknown>')} = meta ?? {};
  for (const key of Object.keys(extra)) if (!(key in record)) record[key] = serialise(extra[key]);
${correlation}  let line${t(': string')};
  try {
    line = JSON.stringify(record);
  } catch {
    // A circular value: keep what can be printed rather than losing the line.
    const flat${t(': Record<string, unknown>')} = { ...record };
    for (const key of Object.keys(extra)) flat[key] = String(extra[key]);
    line = JSON.stringify(flat);
  }
  process.stdout.write(line + '\\n');
}

${exportLogger(f, `{\n  error: (message${t(': unknown')}, meta${t('?: Meta')}) => write('error', message, meta),\n  warn: (message${t(': unknown')}, meta${t('?: Meta')}) => write('warn', message, meta),\n  info: (message${t(': unknown')}, meta${t('?: Meta')}) => write('info', message, meta),\n  debug: (message${t(': unknown')}, meta${t('?: Meta')}) => write('debug', message, meta),\n}`)}`;
}

function specifier(from: string, to: string, style: ImportStyle): string {
  let rel = path.relative(path.dirname(from), to.replace(/\.[cm]?[jt]s$/, '')).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return withRuntimeExtension(rel, style, from);
}

/**
 * The correlation-id transform's module, which exports getCorrelationId(): the model's `shipshape`
 * correlation mechanism, else the module that transform writes in the service
 * (`<sourceRoot>/middleware/correlation-id`, or in the project's `middlewares/`) when it exists already.
 */
function correlationModule(service: Pick<ServiceModel, 'sourceRoot' | 'facts'>, created: readonly GeneratedFile[], logger: string): string | undefined {
  const fact = service.facts.correlation.find((c) => c.mechanism === 'shipshape' && c.file);
  if (fact) return fact.file;
  const stem = path.join(middlewareFolder(service.sourceRoot), 'correlation-id');
  const there = ['.ts', '.js', '.mjs', '.cjs'].map((e) => stem + e).find((f) => readText(f)?.includes('getCorrelationId'));
  if (there) return there;
  // Created in the same run (zero config): the nearest one to the logger, in the same service.
  const distance = (f: string) => path.relative(path.dirname(logger), f).split(path.sep).length;
  return created
    .filter((g) => g.by === 'correlation-id' && /\bexport[^]*\bgetCorrelationId\b|exports[^]*\bgetCorrelationId\b/.test(g.content) && isInside(g.path, service.sourceRoot))
    .map((g) => g.path)
    .sort((a, b) => distance(a) - distance(b))[0];
}

/** The library the scaffold uses: one the service already depends on, else none. */
export function scaffoldLibrary(service: Pick<ServiceModel, 'package'>): ScaffoldLibrary {
  const deps = { ...service.package?.dependencies };
  if (deps.pino) return 'pino';
  if (deps.winston) return 'winston';
  return 'plain';
}

/** The logger module for a service: in its source root, its language, module system and library. */
export function loggerScaffold(service: Pick<ServiceModel, 'sourceRoot' | 'package' | 'facts'> & ImportStyle, created: readonly GeneratedFile[] = []): LoggerScaffold {
  const ts = service.language === 'typescript';
  const file = path.join(service.sourceRoot, `${LOGGER_BASENAME}${ts ? '.ts' : '.js'}`);
  const flavour: Flavour = { ts, esm: service.moduleSystem === 'esm' };
  const module = correlationModule(service, created, file);
  if (module) flavour.correlation = specifier(file, module, service);
  const library = scaffoldLibrary(service);
  const content = library === 'pino' ? pinoModule(flavour) : library === 'winston' ? winstonModule(flavour) : plainModule(flavour);
  return { path: file, library, addsCorrelationId: !!flavour.correlation, content };
}
