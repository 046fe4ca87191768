import * as babel from '@babel/parser';
import type { ParserPlugin } from '@babel/parser';
import path from 'node:path';

export const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

const COMMON: ParserPlugin[] = [
  'decorators-legacy',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'classStaticBlock',
  'dynamicImport',
  'exportDefaultFrom',
  'importMeta',
  'topLevelAwait',
  'optionalChaining',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'importAttributes',
  'explicitResourceManagement',
];

export function isJsLike(file: string): boolean {
  return JS_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function isTypeScript(file: string): boolean {
  return ['.ts', '.tsx', '.mts', '.cts'].includes(path.extname(file).toLowerCase());
}

/**
 * Babel options for a file: TypeScript syntax only for TS extensions (so `<T>x` casts in .ts and JSX
 * in .js both parse), JSX everywhere but .ts/.mts/.cts, decorators on. `unambiguous` keeps sloppy-mode
 * CommonJS (octal escapes, `with`) parseable.
 */
export function babelOptions(file: string): babel.ParserOptions {
  const ext = path.extname(file).toLowerCase();
  const plugins: ParserPlugin[] = [...COMMON];
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') plugins.push('typescript');
  else if (ext === '.tsx') plugins.push('typescript', 'jsx');
  else plugins.push('jsx');
  return {
    sourceType: ext === '.cjs' || ext === '.cts' ? 'script' : ext === '.mjs' || ext === '.mts' ? 'module' : 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
    startLine: 1,
    tokens: true,
    plugins,
  };
}

export interface FileParser {
  /** The parse recast and jscodeshift take (`{ parse(source) }`), with tokens for reprinting. */
  parse(source: string): any;
  /** The same grammar without tokens (comments attached): the tree edit-based transforms read. */
  light(source: string): any;
  /** The same grammar without tokens or comments: about a third cheaper, enough to prove a result parses. */
  check(source: string): any;
}

// The options depend on the extension alone: one parser per kind of file, however many files and snippets ask.
const parsers = new Map<string, FileParser>();

export function parserFor(file: string): FileParser {
  const ext = path.extname(file).toLowerCase();
  let parser = parsers.get(ext);
  if (!parser) parsers.set(ext, (parser = newParser(file)));
  return parser;
}

function newParser(file: string): FileParser {
  const options = babelOptions(file);
  const light: babel.ParserOptions = { ...options, tokens: false };
  const bare: babel.ParserOptions = { ...light, attachComment: false };
  return { parse: (source: string) => babel.parse(source, options), light: (source: string) => babel.parse(source, light), check: (source: string) => babel.parse(source, bare) };
}
