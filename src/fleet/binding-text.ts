/**
 * What a file's text proves about its module bindings before any parse: the fleet parses a file
 * only when a tree of that text could hold the fact asked about. Each test errs one way only: it
 * answers false only where no parse could find the binding or the call, and true where it cannot
 * tell (a comment between the tokens, an escape in a string).
 */

/**
 * An escape that can spell an ordinary character (`\x65`, `\u0065`, `\e`, a line continuation):
 * with one, `'express'` may be written so that no text search finds it, or `require` spelled
 * `requ\u0069re`. The escapes that stand for control characters, quotes and backslashes cannot
 * make a module name or an identifier, so they do not count.
 */
const SPELLING_ESCAPE = /\\(?:[^nrtbfv0'"\\\r\n]|\r?\n|\r)/;

/** Whether the text may spell a string or identifier with escapes, so that text tests cannot see it. */
export function mayHideSpelling(source: string): boolean {
  return SPELLING_ESCAPE.test(source);
}

/** `{ a, b as c }` / `{ a, b: c }` with plain names only: no `default`, no comment, no nested pattern. */
const PLAIN_NAMES = /^\{[\s\w$,:]*\}$/;

/** `const { a, b } = require(` right before the specifier: named bindings only, and only when `)` ends the call there. */
const NAMED_REQUIRE = /(\{[^{}]*\})\s*=\s*require\s*\(\s*$/;
/** `import { a, b } from` right before the specifier. */
const NAMED_IMPORT = /(?<![\w$.])import\s*(\{[^{}]*\})\s*from\s*$/;

/**
 * Whether the occurrence of a quoted specifier at `at` (the opening quote) might bind the whole
 * module (`import x from`, `import * as x from`, `const x = require(`, `import x = require(`,
 * `{ default: x }`) or call it straight off the require (`require('m')()`, `require('m').default()`).
 * Only the two forms that bind named exports alone answer false.
 */
function mayBindWholeAt(source: string, at: number, length: number): boolean {
  const before = source.slice(Math.max(0, at - 1000), at);
  const imported = NAMED_IMPORT.exec(before);
  const required = imported ? null : NAMED_REQUIRE.exec(before);
  const names = (imported ?? required)?.[1];
  if (names === undefined || !PLAIN_NAMES.test(names) || /\bdefault\b/.test(names)) return true;
  if (imported) return false;
  // After `require('m'`: `)` must close the call, and nothing may call or index its value.
  const after = /^\s*\)\s*(.?)/.exec(source.slice(at + length, at + length + 200));
  return !after || /[(.[`]/.test(after[1]);
}

/** The offsets of `'m'` and `"m"` in the text: a specifier equal to `m` is written so, barring escapes. */
function quotedAt(source: string, module: string): number[] {
  const out: number[] = [];
  for (const quote of ["'", '"']) {
    const text = `${quote}${module}${quote}`;
    for (let i = source.indexOf(text); i >= 0; i = source.indexOf(text, i + 1)) out.push(i);
  }
  return out;
}

/**
 * Whether some binding of one of `modules` may hold the whole module, or a require of it may be
 * called directly: false proves that every binding the file has is a named import.
 */
export function mayBindWhole(source: string, modules: readonly string[]): boolean {
  if (mayHideSpelling(source)) return true;
  return modules.some((m) => quotedAt(source, m).some((at) => mayBindWholeAt(source, at, m.length + 2)));
}

/** Whether the text names `module` as a specifier at all (barring escapes). */
export function mayImport(source: string, modules: readonly string[]): boolean {
  return mayHideSpelling(source) || modules.some((m) => quotedAt(source, m).length > 0);
}

/**
 * Whether a call in the file may create an app or a server, as serverFactories reads calls: an
 * Express or Koa app needs the whole module (a named import such as `Router` makes none), an http
 * server `createServer`/`Server`, a Fastify instance the module, a Nest app `NestFactory`.
 */
export function mayCreateApp(source: string): boolean {
  if (mayHideSpelling(source)) return true;
  if (mayBindWhole(source, ['express', 'koa'])) return true;
  if (/createServer|Server/.test(source) && mayImport(source, ['http', 'https', 'node:http', 'node:https'])) return true;
  if (mayImport(source, ['fastify'])) return true;
  return source.includes('NestFactory') && mayImport(source, ['@nestjs/core']);
}

/**
 * Whether a call in the file may be one of a resource's creators (resourcesIn): a named one
 * (`Pool`, `MongoClient.connect`) is spelled in the text, as the import or the member; calling the
 * module (`()`, `.default`) needs a binding of the whole module.
 */
export function mayCreateResource(source: string, rule: { modules: readonly string[]; creators: readonly string[] }): boolean {
  if (mayHideSpelling(source)) return true;
  const direct = (c: string) => c === '()' || c === 'default';
  if (rule.creators.some((c) => !direct(c) && source.includes(c.split('.')[0]))) return true;
  return rule.creators.some(direct) && mayBindWhole(source, rule.modules);
}
