import path from 'node:path';
import { isPathSpecifier } from '../../src/ast/modules';
import type { ServiceModel } from '../../src/fleet/types';
import { readText } from '../../src/fleet/read';
import { loggerScaffold, SCAFFOLD_MARK } from '../../src/scaffold/logger';
import { UsageError, type GeneratedFile, type Options, type PrepareContext } from '../../src/types';
import { modulesAnswering } from '../../src/ast/modules';
import { withoutShutdownConsoleLines } from '../graceful-shutdown/handler';

/** A logger import found in one file: the module (as the config would name it), export name and kind. */
export interface LoggerImport {
  module: string;
  name: string;
  kind: 'named' | 'default';
}

const LOGGER_NAME = /^(?:log|logger|[a-z]\w*Logger)$/;
// Logging libraries themselves (the team's logger is built from them) and request-logging middleware,
// whose bindings are often named like loggers (`const morganLogger = require('morgan')`).
const NOT_THE_TEAM_LOGGER = /^(?:winston|pino|bunyan|debug|morgan|pino-http|express-winston|express-pino-logger|koa-logger|koa-pino-logger|hapi-pino)$/;
const IMPORT_NAMED = /^\s*import\s+(?!type\b)(?:([\w$]+)\s*,\s*)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm;
const IMPORT_DEFAULT = /^\s*import\s+(?!type\b)([\w$]+)\s*(?:,\s*\{[^}]*\}\s*)?from\s*['"]([^'"]+)['"]/gm;
const REQUIRE_NAMED = /^\s*(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/gm;
const REQUIRE_DEFAULT = /^\s*(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)\s*(?:\.\s*([\w$]+))?/gm;

/** `a`, `a as b`, `a: b`, `type a`: the exported names of a specifier list whose local name looks like a logger. */
function loggerNames(list: string, separator: 'as' | ':'): string[] {
  const names: string[] = [];
  for (const raw of list.split(',')) {
    const spec = raw.trim();
    if (!spec || spec.startsWith('type ')) continue;
    const [exported, local = exported] = spec.split(separator === 'as' ? /\s+as\s+/ : /\s*:\s*/).map((s) => s.trim());
    if (LOGGER_NAME.test(local)) names.push(exported);
  }
  return names;
}

/** The logger imports of one file's text (a cheap regex read: import/require statements at line starts). */
export function loggerImportsIn(text: string): { spec: string; name: string; kind: 'named' | 'default' }[] {
  const found: { spec: string; name: string; kind: 'named' | 'default' }[] = [];
  for (const m of text.matchAll(IMPORT_NAMED)) {
    if (m[1] && LOGGER_NAME.test(m[1])) found.push({ spec: m[3], name: m[1], kind: 'default' });
    for (const name of loggerNames(m[2], 'as')) found.push({ spec: m[3], name, kind: 'named' });
  }
  for (const m of text.matchAll(IMPORT_DEFAULT)) if (LOGGER_NAME.test(m[1])) found.push({ spec: m[2], name: m[1], kind: 'default' });
  for (const m of text.matchAll(REQUIRE_NAMED)) for (const name of loggerNames(m[1], ':')) found.push({ spec: m[2], name, kind: 'named' });
  for (const m of text.matchAll(REQUIRE_DEFAULT)) {
    if (m[3] && m[3] !== 'default') {
      if (LOGGER_NAME.test(m[1])) found.push({ spec: m[2], name: m[3], kind: 'named' });
    } else if (LOGGER_NAME.test(m[1])) found.push({ spec: m[2], name: m[1], kind: 'default' });
  }
  return found.filter((f) => !NOT_THE_TEAM_LOGGER.test(f.spec));
}

/** A relative specifier written in `file` as a path from the root ('./src/lib/logger'); packages as they are. */
function moduleFromRoot(spec: string, file: string, root: string): string {
  if (!isPathSpecifier(spec)) return spec;
  const rel = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The logger import most files use (counted once per file); ties go to the first in sorted order. */
export function detectLoggerImport(files: string[], read: (file: string) => string, root: string): LoggerImport | null {
  const counts = new Map<string, { found: LoggerImport; files: number }>();
  for (const file of files) {
    const text = read(file);
    if (!text.includes('log')) continue;
    const seen = new Set<string>();
    for (const f of loggerImportsIn(text)) {
      const found: LoggerImport = { module: moduleFromRoot(f.spec, file, root), name: f.name, kind: f.kind };
      // './src/log' and './src/log.js' are one module; the first spelling seen is kept.
      const key = `${found.module.replace(/\.(?:[cm]?[jt]s)$/, '')}\0${found.name}\0${found.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { found, files: 0 };
      entry.files++;
      counts.set(key, entry);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].files - a[1].files || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[1].found ?? null;
}

export const MISSING_IMPORT = `console-to-logger needs to know where the logger comes from, and no file imports one yet (a binding named logger or log).
Add the logger module to shipshape.config.json (a path is relative to the config file's folder, a package name is used as it is):

{
  "transforms": {
    "console-to-logger": { "import": "./src/lib/logger", "name": "logger", "kind": "named" }
  }
}`;

/** A file's path from the service folder, as messages show it. */
function inService(service: ServiceModel, abs: string): string {
  return path.relative(service.dir, abs).split(path.sep).join('/');
}

/** The config that points console-to-logger at a module of the service (`rel` from the service folder): import paths are relative to the config's folder, the run's root. */
function importSnippet(service: ServiceModel, rel: string): string {
  const fromRoot = path.posix.join(service.rel || '.', rel).replace(/(\/index)?\.[cm]?[jt]sx?$/, '');
  return `in services[].transforms for ${service.name}: {"console-to-logger": {"import": "./${fromRoot}", "name": "logger", "kind": "named"}}`;
}

/**
 * The service's logger as the fleet model found it (a module exporting a pino/winston/bunyan
 * instance, or an object with level methods), never guessed from a binding's name; a service
 * without one gets a logger module scaffolded inside it.
 */
function fromModel(service: ServiceModel, options: Options): Options {
  const logger = service.facts.logger;
  if (logger && !logger.scaffolded) {
    const byDefault = logger.exportName === 'default' || logger.exportName === 'module.exports';
    return { ...options, import: logger.module, name: byDefault ? 'logger' : logger.exportName, kind: byDefault ? 'default' : 'named' };
  }
  // A logger class of the service's own (made per use, or injected by Nest) is a logger all the same:
  // a second one, created beside it, would split the service's output. Only the user can say which instance to import.
  const own = service.facts.loggerClasses?.[0];
  if (own) {
    const rel = inService(service, own.file);
    const beside = `${path.posix.dirname(rel)}/logger${path.extname(own.file)}`;
    throw new UsageError(
      `${rel}:${own.line} defines class ${own.name} with level methods (${own.methods.join(', ')}), the service's own logger, and no module exports an instance of it, so no second logger is created; export one (e.g. \`export const logger = new ${own.name}()\` in ${beside}) and set console-to-logger's import to it, ${importSnippet(service, `${path.posix.dirname(rel)}/logger`)}`,
    );
  }
  const scaffold = loggerScaffold(service);
  const rel = inService(service, scaffold.path);
  // Another module answering to the same path (`src/logger/index.ts` beside `src/logger.ts`) would be shadowed by it for every `./logger` import.
  const shadowed = modulesAnswering(scaffold.path.replace(/\.[cm]?[jt]sx?$/, '')).find((f) => f !== scaffold.path);
  if (shadowed) {
    const theirs = inService(service, shadowed);
    throw new UsageError(
      `${theirs} already answers to the path of the logger module shipshape would create (${rel}), which would take its place for every import of it, so no logger is created; if ${theirs} exports the service's logger, set console-to-logger's import to it, ${importSnippet(service, theirs)}`,
    );
  }
  // A module of the service's own at that path (a logger library exporting a class, say) is neither
  // overwritten nor imported as if it were the scaffold.
  const there = readText(scaffold.path);
  if (there !== undefined && !there.includes(SCAFFOLD_MARK)) {
    throw new UsageError(
      `${rel} exists and is not shipshape's logger module, so no logger is created there; set console-to-logger's import to the logger this service should use, e.g. ${importSnippet(service, rel)}`,
    );
  }
  return {
    ...options,
    import: scaffold.path,
    name: 'logger',
    kind: 'named',
    // The call shape follows the library the scaffold is built on.
    style: options.style ?? (scaffold.library === 'plain' ? undefined : scaffold.library),
    scaffoldLogger: scaffold.library,
    // The scaffold adds the correlation ID to every line itself.
    ...(scaffold.addsCorrelationId && options.correlationId === undefined ? { correlationId: false } : {}),
  };
}

/**
 * Files whose console calls this transform would rewrite: runtime files, when the model says. The
 * console lines of a shutdown handler graceful-shutdown wrote (a service without a logger) do not
 * count: a logger created for them alone would make a second run change what the first left.
 */
function rewritable(ctx: PrepareContext): string[] {
  return ctx.files.filter((f) => (ctx.fleet?.roles[f] ?? 'runtime') === 'runtime' && withoutShutdownConsoleLines(ctx.read(f)).includes('console'));
}

/** The logger module to create for a service without one (prepare decided so). */
export function generateLogger(ctx: PrepareContext): GeneratedFile[] {
  if (!ctx.options.scaffoldLogger || !ctx.service) return [];
  if (rewritable(ctx).length === 0) return [];
  // Built after correlation-id's module (generateAfter), so every line carries the ID from the first run.
  const scaffold = loggerScaffold(ctx.service, ctx.created);
  return [{ path: scaffold.path, content: scaffold.content }];
}

/** Fills in `import` (and the name and kind found with it) from the fleet model or the files when the config does not set it. */
export function prepareOptions(ctx: PrepareContext): Options {
  if (ctx.options.import) return ctx.options;
  // A logger the service has is named even when no file logs through console yet: another
  // transform's code may (graceful-shutdown's handler in a file without a logger import).
  const logger = ctx.service?.facts.logger;
  if (ctx.service && logger && !logger.scaffolded) return fromModel(ctx.service, ctx.options);
  // Nothing to rewrite, nothing to ask for.
  if (!ctx.files.some((f) => ctx.read(f).includes('console'))) return ctx.options;
  if (ctx.service) return rewritable(ctx).length === 0 ? ctx.options : fromModel(ctx.service, ctx.options);
  const found = detectLoggerImport(ctx.files, ctx.read, ctx.root);
  if (!found) throw new UsageError(MISSING_IMPORT);
  return { ...ctx.options, import: found.module, name: found.name, kind: found.kind };
}
