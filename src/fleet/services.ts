import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { YAML } from '../deploy/yaml';
import type { Config } from '../config/load';
import { toPosix } from '../runner/discover';
import { IGNORED_FOLDERS, walk, type Listings } from '../runner/walk';
import { isJsLike } from '../engine/parser';
import { isDockerfile } from '../deploy/probes';
import type { Options } from '../types';
import { UsageError } from '../types';

/** The service of files that are in no service folder. */
export const ROOT_SERVICE = '(root)';

export interface Service {
  /** As the config or package.json names it; `(root)` for files outside every service. */
  name: string;
  /** The name made safe for file and branch names (see slugOf). */
  slug: string;
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the discovery root, with `/`; '' for the root. */
  rel: string;
  /** Per-service option overrides from the config, and where they were written (for messages). */
  transforms?: Record<string, Options>;
  where?: string;
}

/**
 * A service name as a file name and a git branch component: `@acme/payments` → `acme-payments`,
 * `(root)` → `root`; anything outside letters, digits, `.`, `_` and `-` becomes `-`, and the dot
 * sequences git forbids in branch names (`..`, a leading `.`, a `.lock` ending) are removed.
 */
export function slugOf(name: string): string {
  if (name === ROOT_SERVICE) return 'root';
  const slug = name
    .replace(/^@/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.lock$/i, '-lock');
  return slug || 'service';
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/** Workspace globs from package.json `workspaces` (npm, yarn: an array or `{ packages }`), else pnpm-workspace.yaml; null when neither. */
function workspacePatterns(root: string): string[] | null {
  const pkg = readJson(path.join(root, 'package.json'));
  const ws = pkg?.workspaces;
  if (Array.isArray(ws)) return ws.filter((p: unknown) => typeof p === 'string');
  if (ws && Array.isArray(ws.packages)) return ws.packages.filter((p: unknown) => typeof p === 'string');
  const pnpm = path.join(root, 'pnpm-workspace.yaml');
  if (fs.existsSync(pnpm)) {
    try {
      const doc = YAML.parse(fs.readFileSync(pnpm, 'utf8'));
      if (Array.isArray(doc?.packages)) return doc.packages.filter((p: unknown) => typeof p === 'string');
    } catch (err: any) {
      throw new UsageError(`${pnpm}: invalid YAML: ${err.message}`);
    }
    return [];
  }
  return null;
}

/** Whether a folder holds a JS/TS file within `depth` levels (dependency and build folders aside). */
function holdsCode(dir: string, depth: number): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.some((e) => e.isFile() && isJsLike(e.name))) return true;
  return depth > 1 && entries.some((e) => e.isDirectory() && !IGNORED_FOLDERS.has(e.name) && !e.name.startsWith('.') && holdsCode(path.join(dir, e.name), depth - 1));
}

/**
 * Folders (relative, `/`) holding a package.json that the workspace globs name, or every one below the
 * root (and, without workspaces, every folder outside them with a Dockerfile and code). One walk of the root only (never above it), no deeper than the globs can match, skipping
 * dependency, build and dot folders.
 */
function packageFolders(root: string, patterns: string[] | null, listings?: Listings): string[] {
  const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  const positive = (patterns ? patterns.filter((p) => !p.startsWith('!')) : ['**']).map(clean);
  const negative = patterns ? patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1))) : [];
  const wanted = picomatch(positive.length ? positive : ['!**']);
  const unwanted = negative.length ? picomatch(negative) : () => false;
  // `services/*` names folders two levels down: deeper ones cannot match, so they are not read.
  const depth = positive.some((p) => p.includes('**')) ? Infinity : Math.max(0, ...positive.map((p) => p.split('/').length));
  const found: string[] = [];
  const named: string[] = [];
  const imaged: string[] = [];
  walk(root, {
    ignoreFiles: [],
    listings,
    enter: (rel) => {
      const enters = !rel.split('/').pop()!.startsWith('.') && rel.split('/').length <= depth;
      if (enters && patterns && wanted(rel) && !unwanted(rel)) named.push(rel);
      return enters;
    },
    file(_abs, rel) {
      if (!patterns && rel.includes('/') && isDockerfile(rel)) imaged.push(rel.slice(0, rel.lastIndexOf('/')));
      if (!rel.endsWith('/package.json')) return;
      const dir = rel.slice(0, -'/package.json'.length);
      if (wanted(dir) && !unwanted(dir)) found.push(dir);
    },
  });
  const packages = [...found];
  const under = (rel: string, dir: string) => rel === dir || rel.startsWith(dir + '/');
  const inPackage = (rel: string) => packages.some((f) => under(rel, f));
  // A folder the workspace globs name is a service even without its own package.json, when it holds
  // code and is neither inside nor above a package or another such folder (`microservices/**` also
  // names `microservices/`, and each package's `src/`).
  const bare: string[] = [];
  for (const rel of [...named].sort((a, b) => a.split('/').length - b.split('/').length)) {
    if (found.includes(rel) || inPackage(rel) || packages.some((f) => under(f, rel)) || bare.some((b) => under(rel, b))) continue;
    if (holdsCode(path.join(root, rel), 3)) bare.push(rel);
  }
  found.push(...bare);
  // Without workspaces, a folder with its own Dockerfile and code is a service even without a package.json
  // (one package.json at the root, an image per folder): its image holds that folder, not the root.
  for (const rel of new Set(imaged)) if (!inPackage(rel) && holdsCode(path.join(root, rel), 2)) found.push(rel);
  return [...new Set(found)].sort();
}

/**
 * The services of a run: the config's `services` list when it has one, else the packages its
 * npm/yarn/pnpm workspaces name, else every folder below the root with a package.json or with its own
 * Dockerfile and code. The root
 * is the config's folder (the cwd without a config). `(root)` comes last and takes every file no
 * service folder holds. Names are unique, and so are their slugs.
 */
export function discoverServices(config: Config, listings?: Listings): Service[] {
  const root = config.dir;
  let found: Omit<Service, 'slug'>[];
  if (config.services?.length) {
    found = config.services.map((s, i) => {
      const dir = path.resolve(root, s.path);
      return { name: s.name, dir, rel: toPosix(path.relative(root, dir)), transforms: s.transforms, where: `services[${i}].transforms` };
    });
    const names = new Set<string>();
    found.forEach((s, i) => {
      if (!fs.existsSync(s.dir)) throw new UsageError(`${config.file}: services[${i}].path: no folder ${config.services![i].path} below ${root}`);
    });
    for (const s of found) {
      if (names.has(s.name)) throw new UsageError(`${config.file}: services: the name '${s.name}' is used twice; service names must be unique`);
      if (s.name === ROOT_SERVICE) throw new UsageError(`${config.file}: services: '${ROOT_SERVICE}' is reserved for files outside every service`);
      names.add(s.name);
    }
  } else {
    const folders = packageFolders(root, workspacePatterns(root), listings);
    const named = folders.map((rel) => ({ rel, name: readJson(path.join(root, rel, 'package.json'))?.name as unknown }));
    const counts = new Map<string, number>();
    for (const f of named) if (typeof f.name === 'string' && f.name) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    // A package without a name, or with a name another package also uses, is known by its folder.
    found = named.map((f) => ({
      name: typeof f.name === 'string' && f.name && counts.get(f.name) === 1 ? f.name : f.rel,
      dir: path.join(root, f.rel),
      rel: f.rel,
    }));
  }
  const all = [...found, { name: ROOT_SERVICE, dir: root, rel: '' }];
  const slugs = new Set<string>();
  return all.map((s) => {
    const base = slugOf(s.name);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return { ...s, slug };
  });
}

/** The service each file belongs to: the one with the deepest folder holding it, else `(root)`. */
export function serviceLookup(services: Service[]): (absFile: string) => Service {
  const byDepth = services.filter((s) => s.name !== ROOT_SERVICE).sort((a, b) => b.dir.length - a.dir.length);
  const root = services.find((s) => s.name === ROOT_SERVICE)!;
  // Asked once per file and more: files of one folder share the answer.
  const cache = new Map<string, Service>();
  return (abs) => {
    const dir = path.dirname(abs);
    let found = cache.get(dir);
    if (!found) {
      found = byDepth.find((s) => dir === s.dir || dir.startsWith(s.dir + path.sep)) ?? root;
      cache.set(dir, found);
    }
    return found;
  };
}
