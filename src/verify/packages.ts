import fs from 'node:fs';
import path from 'node:path';
import { initSync, parse as lexCjs } from 'cjs-module-lexer';

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

const typeCache = new Map<string, 'module' | 'commonjs'>();

/** Forgets what `packageTypeOf` learnt: a traced verification must read each package.json itself (cache.ts). */
export function forgetPackageTypes(): void {
  typeCache.clear();
}

/** The `type` of the nearest package.json above a file (how Node reads its `.js` files). */
export function packageTypeOf(file: string): 'module' | 'commonjs' {
  const dir = path.dirname(file);
  let hit = typeCache.get(dir);
  if (!hit) {
    const pkg = fs.existsSync(path.join(dir, 'package.json')) ? readJson(path.join(dir, 'package.json')) : undefined;
    if (pkg) hit = pkg.type === 'module' ? 'module' : 'commonjs';
    else hit = path.dirname(dir) === dir ? 'commonjs' : packageTypeOf(dir);
    typeCache.set(dir, hit);
  }
  return hit;
}

/** How Node loads a JavaScript file: by extension, else by the nearest package.json `type`. */
export function nodeFormatOf(file: string): 'esm' | 'cjs' {
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.c[jt]s$/.test(file)) return 'cjs';
  return packageTypeOf(file) === 'module' ? 'esm' : 'cjs';
}

export interface InstalledPackage {
  dir: string;
  json: any;
}

/** The installed package Node would find from `fromDir` (node_modules folders upward), without running anything. */
export function findInstalled(name: string, fromDir: string): InstalledPackage | undefined {
  for (let d = fromDir; ; d = path.dirname(d)) {
    const dir = path.join(d, 'node_modules', name);
    const json = readJson(path.join(dir, 'package.json'));
    if (json) return { dir, json };
    if (path.dirname(d) === d) return undefined;
  }
}

/** The target an `exports` entry gives under `conditions` (first match in the entry's own order). */
function pick(entry: any, conditions: string[]): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const e of entry) {
      const t = pick(e, conditions);
      if (t) return t;
    }
    return undefined;
  }
  if (!entry || typeof entry !== 'object') return undefined;
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'default' || conditions.includes(k)) {
      const t = pick(v, conditions);
      if (t) return t;
    }
  }
  return undefined;
}

function subpathEntry(exports: any, subpath: string): any {
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.' ? exports : undefined;
  if (!exports || typeof exports !== 'object') return undefined;
  const keys = Object.keys(exports);
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.' ? exports : undefined;
  if (subpath in exports) return exports[subpath];
  for (const k of keys) {
    const star = k.indexOf('*');
    if (star >= 0 && subpath.startsWith(k.slice(0, star)) && subpath.endsWith(k.slice(star + 1))) {
      const middle = subpath.slice(star, subpath.length - (k.length - star - 1));
      return JSON.parse(JSON.stringify(exports[k]).split('*').join(middle));
    }
  }
  return undefined;
}

const CANDIDATES = ['', '.js', '.json', '.node', '/index.js', '/index.json'];

function probe(base: string): string | undefined {
  for (const ext of CANDIDATES) {
    const f = base + ext;
    try {
      if (fs.statSync(f).isFile()) return f;
    } catch {
      // next
    }
  }
  return undefined;
}

/** The file a package subpath loads for `require` or for `import`, as Node picks it. */
export function packageEntry(pkg: InstalledPackage, spec: string, how: 'require' | 'import'): string | undefined {
  const sub = spec.slice(packageName(spec).length);
  const subpath = sub ? `.${sub}` : '.';
  if (pkg.json.exports !== undefined) {
    const target = pick(subpathEntry(pkg.json.exports, subpath), ['node', how]);
    return target ? path.join(pkg.dir, target) : undefined;
  }
  if (sub) return probe(path.join(pkg.dir, sub));
  return probe(path.join(pkg.dir, pkg.json.main ?? 'index.js')) ?? probe(path.join(pkg.dir, 'index'));
}

/** Whether `require()` of the package subpath gets an ES module (or nothing at all: exports without a require path). */
export function requireGetsEsm(pkg: InstalledPackage, spec: string): { esm: boolean; why: string } {
  const entry = packageEntry(pkg, spec, 'require');
  if (!entry) return { esm: pkg.json.exports !== undefined, why: `its package.json "exports" has no "require" or "default" entry for '${spec}'` };
  if (nodeFormatOf(entry) === 'esm') return { esm: true, why: `${path.basename(entry)} is an ES module (${/\.mjs$/.test(entry) ? '.mjs' : '"type": "module"'})` };
  return { esm: false, why: '' };
}

let lexerReady = false;

/**
 * The names Node's ESM loader sees on a CommonJS module: what cjs-module-lexer reads from its text
 * (the loader's own algorithm; nothing is run), following re-exports a few levels.
 */
export function cjsExportNames(file: string, depth = 0): Set<string> | undefined {
  if (!lexerReady) {
    initSync();
    lexerReady = true;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let lexed: { exports: string[]; reexports: string[] };
  try {
    lexed = lexCjs(text);
  } catch {
    return undefined;
  }
  const names = new Set(lexed.exports);
  if (depth < 4) {
    for (const re of lexed.reexports) {
      let target: string | undefined;
      if (re.startsWith('.')) target = probe(path.resolve(path.dirname(file), re));
      else {
        const pkg = findInstalled(packageName(re), path.dirname(file));
        target = pkg && packageEntry(pkg, re, 'require');
      }
      if (!target) return undefined;
      const more = cjsExportNames(target, depth + 1);
      if (!more) return undefined;
      for (const n of more) names.add(n);
    }
  }
  return names;
}
