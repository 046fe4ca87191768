import path from 'node:path';
import type { PackageFacts } from './types';
import { readJsonFile } from './read';

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Installed versions of the service's dependencies: from the nearest package-lock.json (the
 * service's, else a workspace root's, whose `node_modules/<name>` entries hoist), else from each
 * package's own package.json in node_modules. Scaffolds that depend on typings (@types/node 14 has
 * no `node:` imports) read these; nothing is executed.
 */
function installedVersions(dir: string, stop: string, names: string[]): Record<string, string> {
  const installed: Record<string, string> = {};
  if (names.length === 0) return installed;
  const dirs: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === stop || path.dirname(d) === d || !d.startsWith(stop)) break;
  }
  for (const d of dirs) {
    const lock = readJsonFile(path.join(d, 'package-lock.json'));
    const packages = lock?.packages;
    if (!packages || typeof packages !== 'object') continue;
    const prefix = toPosixRel(d, dir);
    for (const name of names) {
      if (installed[name]) continue;
      const entry = packages[`${prefix}node_modules/${name}`] ?? packages[`node_modules/${name}`];
      if (typeof entry?.version === 'string') installed[name] = entry.version;
    }
  }
  for (const name of names) {
    if (installed[name]) continue;
    for (const d of dirs) {
      const version = readJsonFile(path.join(d, 'node_modules', name, 'package.json'))?.version;
      if (typeof version === 'string') {
        installed[name] = version;
        break;
      }
    }
  }
  return installed;
}

/** `services/cart/` for the service folder as a lockfile at `root` names it ('' at the root itself). */
function toPosixRel(root: string, dir: string): string {
  const rel = path.relative(root, dir).split(path.sep).join('/');
  return rel ? `${rel}/` : '';
}

/** The facts of `<dir>/package.json`, or undefined when there is none (or it is not JSON). */
export function readPackageFacts(dir: string, fleetRoot: string): PackageFacts | undefined {
  const file = path.join(dir, 'package.json');
  const pkg = readJsonFile(file);
  if (!pkg) return undefined;
  const dependencies = stringRecord(pkg.dependencies);
  const devDependencies = stringRecord(pkg.devDependencies);
  const bin = typeof pkg.bin === 'string' ? { [String(pkg.name ?? path.basename(dir))]: pkg.bin } : stringRecord(pkg.bin);
  return {
    file,
    ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}),
    ...(pkg.type === 'module' || pkg.type === 'commonjs' ? { type: pkg.type } : {}),
    ...(typeof pkg.main === 'string' ? { main: pkg.main } : {}),
    ...(pkg.exports !== undefined ? { exports: pkg.exports } : {}),
    ...(Object.keys(bin).length ? { bin } : {}),
    scripts: stringRecord(pkg.scripts),
    dependencies,
    devDependencies,
    installed: installedVersions(dir, fleetRoot, [...new Set([...Object.keys(dependencies), ...Object.keys(devDependencies)])]),
  };
}

/** Whether the service declares `name` as a dependency of any kind. */
export function dependsOn(pkg: PackageFacts | undefined, name: string): boolean {
  return !!pkg && (name in pkg.dependencies || name in pkg.devDependencies);
}
