import path from 'node:path';
import { readJsonFile, isFile } from './read';
import type { TsconfigFacts } from './types';

/** Where an `extends` value points: a relative file, or a package's tsconfig in node_modules. */
function extendsTarget(from: string, value: string, root: string): string | undefined {
  const dir = path.dirname(from);
  const withJson = (p: string) => (isFile(p) ? p : isFile(`${p}.json`) ? `${p}.json` : undefined);
  if (value.startsWith('.') || path.isAbsolute(value)) return withJson(path.resolve(dir, value));
  for (let d = dir; ; d = path.dirname(d)) {
    const base = path.join(d, 'node_modules', value);
    const found = withJson(base) ?? withJson(path.join(base, 'tsconfig.json'));
    if (found) return found;
    if (d === root || path.dirname(d) === d) return undefined;
  }
}

const PATH_OPTIONS = ['rootDir', 'outDir', 'baseUrl'] as const;

/**
 * A service's tsconfig.json as TypeScript would read it (comments and trailing commas allowed,
 * `extends` followed, a single file or an array, paths resolved from the file that sets them).
 * Read as data: nothing is executed.
 */
export function readTsconfig(dir: string, root: string): TsconfigFacts | undefined {
  const file = path.join(dir, 'tsconfig.json');
  if (!isFile(file)) return undefined;
  const facts: TsconfigFacts = { file, errors: [] };
  const seen = new Set<string>();
  // Base files first, so the file that extends them overrides what they set.
  const apply = (current: string, depth: number) => {
    if (seen.has(current) || depth > 10) return;
    seen.add(current);
    const json = readJsonFile(current);
    if (!json) {
      facts.errors.push(`${current}: cannot be read as JSON`);
      return;
    }
    const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
    for (const base of bases) {
      if (typeof base !== 'string') continue;
      const target = extendsTarget(current, base, root);
      if (target) apply(target, depth + 1);
      else facts.errors.push(`${current}: extends ${base}: not found`);
    }
    const options = json.compilerOptions ?? {};
    const from = path.dirname(current);
    for (const key of PATH_OPTIONS) if (typeof options[key] === 'string') facts[key] = path.resolve(from, options[key]);
    if (options.paths && typeof options.paths === 'object') {
      facts.paths = options.paths;
      // `paths` resolve from baseUrl, else from the file that sets them.
      facts.baseUrl ??= from;
    }
    for (const key of ['module', 'moduleResolution'] as const) if (typeof options[key] === 'string') facts[key] = options[key];
    for (const key of ['allowJs', 'checkJs'] as const) if (typeof options[key] === 'boolean') facts[key] = options[key];
  };
  apply(file, 0);
  return facts;
}
