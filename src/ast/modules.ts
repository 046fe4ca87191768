import path from 'node:path';
import { isFile } from '../fleet/read';

const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;

export function isPathSpecifier(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || path.isAbsolute(spec);
}

function withoutCodeExtension(p: string): string {
  return p.replace(CODE_EXT, '');
}

/** The name a module is imported by as a path's last segment: `logger` for `src/logger.ts` and for `src/logger/index.ts`. */
export function moduleStem(file: string): string {
  const base = withoutCodeExtension(path.basename(file));
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The module specifier a file should import for a configured `import` option: packages as they are,
 * paths (resolved from `root`, the config file's folder) relative to the importing file. A `.ts`
 * extension is dropped (TypeScript resolves without it); `.js`/`.mjs`/`.cjs` stay, as ESM needs them.
 */
export function specifierFor(option: string, root: string, fileAbs: string): string {
  if (!isPathSpecifier(option)) return option;
  const target = path.resolve(root, option);
  let rel = toPosix(path.relative(path.dirname(fileAbs), target));
  rel = rel.replace(/\.(?:tsx?|mts|cts)$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Whether `spec`, written in `fileAbs`, names the configured module. */
export function specifierMatches(spec: string, fileAbs: string, option: string, root: string): boolean {
  if (!isPathSpecifier(option)) return spec === option;
  if (!isPathSpecifier(spec)) return false;
  const target = withoutCodeExtension(path.resolve(root, option));
  const actual = withoutCodeExtension(path.resolve(path.dirname(fileAbs), spec));
  return actual === target || withoutCodeExtension(path.join(actual, 'index')) === target || actual === path.join(target, 'index');
}

/** Whether `fileAbs` is the configured module itself (it must never import itself). */
export function isModuleFile(fileAbs: string, option: string, root: string): boolean {
  if (!isPathSpecifier(option)) return false;
  const target = withoutCodeExtension(path.resolve(root, option));
  const self = withoutCodeExtension(fileAbs);
  return self === target || self === path.join(target, 'index');
}

/** What decides whether a service's relative imports carry their extension. */
export interface ImportStyle {
  language: 'typescript' | 'javascript';
  moduleSystem: 'esm' | 'commonjs';
  tsconfig?: { module?: string; moduleResolution?: string };
}

/**
 * Whether a relative import written in `fromFile` needs its runtime extension (`./logger.js`): Node
 * resolves ESM specifiers as written, and TypeScript compiled for Node16/NodeNext checks that
 * (TS2835); CommonJS and bundler resolution find the file without it. `.mts`/`.cts` files are ESM
 * and CommonJS whatever the package says.
 */
export function importsNeedExtension(style: ImportStyle, fromFile: string): boolean {
  const esm = /\.m[jt]s$/.test(fromFile) || (!/\.c[jt]s$/.test(fromFile) && style.moduleSystem === 'esm');
  if (!esm) return false;
  if (style.language !== 'typescript' && !/\.[cm]?tsx?$/.test(fromFile)) return true;
  return /^node(?:16|18|next)$/i.test(style.tsconfig?.module ?? '') || /^node(?:16|next)$/i.test(style.tsconfig?.moduleResolution ?? '');
}

/** `spec` with the `.js` Node needs when `importsNeedExtension` says so (a relative specifier without one). */
export function withRuntimeExtension(spec: string, style: ImportStyle | undefined, fromFile: string): string {
  if (!style || !isPathSpecifier(spec) || /\.[cm]?[jt]sx?$/.test(spec) || !importsNeedExtension(style, fromFile)) return spec;
  return `${spec}.js`;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The files that answer to a module path without extension (`src/logger`): `src/logger.ts`,
 * `src/logger.js`, ..., or a folder index (`src/logger/index.ts`). A module created at that stem
 * would be one of them, and would shadow a folder index for every `./logger` import.
 */
export function modulesAnswering(stem: string): string[] {
  return [...MODULE_EXTENSIONS.map((e) => stem + e), ...MODULE_EXTENSIONS.map((e) => path.join(stem, `index${e}`))].filter(isFile);
}
