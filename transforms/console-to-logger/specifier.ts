import path from 'node:path';
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ServiceModel } from '../../src/fleet/types';

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

/**
 * Whether `spec` reaches the module file `target` through the service's tsconfig `paths`
 * (`@/lib/logger` with `"@/*": ["src/*"]`): a file importing the logger that way already has it.
 */
export function pathsAliasReaches(spec: string, target: string, service: ServiceModel | undefined): boolean {
  const ts = service?.tsconfig;
  if (!ts?.paths || !path.isAbsolute(target)) return false;
  const base = ts.baseUrl ? path.resolve(path.dirname(ts.file), ts.baseUrl) : path.dirname(ts.file);
  const stem = (p: string) => p.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
  for (const [pattern, targets] of Object.entries(ts.paths)) {
    const star = pattern.indexOf('*');
    const matched = star < 0 ? (spec === pattern ? '' : null) : spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)) ? spec.slice(star, spec.length - (pattern.length - star - 1)) : null;
    if (matched === null) continue;
    if (targets.some((t) => stem(path.resolve(base, t.replace('*', matched))) === stem(target))) return true;
  }
  return false;
}
