import path from 'node:path';

/**
 * The runtime module graph: a fast text scan of import/require/export-from/import() specifiers (no
 * parse) and Node/TypeScript-style resolution against the files the model's walk found.
 */

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;
const LINE_COMMENT = /^\s*\/\/.*$/gm;

/** Module specifiers a file imports, requires, re-exports or dynamically imports with a string literal. */
export function importSpecifiers(text: string): string[] {
  const code = text.includes('/') ? text.replace(BLOCK_COMMENT, '').replace(LINE_COMMENT, '') : text;
  const out = new Set<string>();
  for (const m of code.matchAll(SPECIFIER)) out.add(m[2]);
  return [...out];
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
/** `./x.js` written in TypeScript source means `./x.ts` (and so on for the module flavours). */
const SOURCE_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** A file or folder path resolved the way Node (with TypeScript's extension rules) would. */
export function resolveFile(base: string, exists: (abs: string) => boolean): string | undefined {
  const ext = path.extname(base);
  if (EXTENSIONS.includes(ext) && exists(base)) return base;
  for (const source of SOURCE_OF[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + source;
    if (exists(candidate)) return candidate;
  }
  for (const e of EXTENSIONS) if (exists(base + e)) return base + e;
  for (const e of EXTENSIONS) if (exists(path.join(base, `index${e}`))) return path.join(base, `index${e}`);
  return undefined;
}

export interface ResolveContext {
  exists(abs: string): boolean;
  /** tsconfig `paths` of the importing file's service, with the folder they resolve from. */
  paths?: { baseUrl: string; paths: Record<string, string[]> };
  /** Workspace packages the importing service may reach: name → entry file resolver. */
  workspace?(name: string, subpath: string): string | undefined;
}

function matchPaths(spec: string, mapping: { baseUrl: string; paths: Record<string, string[]> }, exists: (abs: string) => boolean): string | undefined {
  for (const [pattern, targets] of Object.entries(mapping.paths)) {
    const star = pattern.indexOf('*');
    let captured: string | null = null;
    if (star < 0) captured = spec === pattern ? '' : null;
    else if (spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)) && spec.length >= pattern.length - 1)
      captured = spec.slice(star, spec.length - (pattern.length - star - 1));
    if (captured === null) continue;
    for (const target of Array.isArray(targets) ? targets : []) {
      const found = resolveFile(path.resolve(mapping.baseUrl, target.replace('*', captured)), exists);
      if (found) return found;
    }
  }
  return undefined;
}

/** The file a specifier names, or undefined (a package from node_modules, a builtin, not found). */
export function resolveSpecifier(spec: string, from: string, ctx: ResolveContext): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/')) return resolveFile(path.resolve(path.dirname(from), spec), ctx.exists);
  if (spec.startsWith('node:')) return undefined;
  if (ctx.paths) {
    const mapped = matchPaths(spec, ctx.paths, ctx.exists);
    if (mapped) return mapped;
  }
  if (ctx.workspace) {
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const found = ctx.workspace(name, spec.slice(name.length + 1));
    if (found) return found;
  }
  return undefined;
}

/** Every file reachable from `entries` (breadth first), each read once through `read`. */
export function reachable(entries: string[], read: (abs: string) => string | undefined, resolve: (spec: string, from: string) => string | undefined): Set<string> {
  const seen = new Set<string>(entries);
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    const text = read(file);
    if (text === undefined) continue;
    for (const spec of importSpecifiers(text)) {
      const target = resolve(spec, file);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
