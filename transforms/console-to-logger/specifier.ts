import type { Collection, JSCodeshift } from 'jscodeshift';

const EXTENSION = /\.(?:m?js|cjs)$/;

/**
 * The specifier as this file writes relative imports: Node ESM (and TypeScript with NodeNext) needs
 * `./lib/logger.js` where CommonJS and bundlers take `./lib/logger`; follow the file's own imports.
 */
export function withFileExtensionHabit(j: JSCodeshift, root: Collection<any>, spec: string): string {
  if (!spec.startsWith('.') || /\.[cm]?[jt]sx?$/.test(spec)) return spec;
  const relative = root
    .find(j.ImportDeclaration)
    .nodes()
    .map((d: any) => d.source.value as string)
    .filter((s) => typeof s === 'string' && s.startsWith('.'));
  const withExt = relative.filter((s) => EXTENSION.test(s));
  if (withExt.length === 0 || withExt.length * 2 <= relative.length) return spec;
  return `${spec}${withExt[0].match(EXTENSION)![0]}`;
}
