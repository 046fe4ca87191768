import fs from 'node:fs';
import path from 'node:path';
import type { ServiceModel } from '../../src/fleet/types';

/** What a build context's package says about starting the service. */
export interface ServiceDir {
  scripts?: Record<string, string>;
  /** Where its code spawns child processes (`src/jobs/convert.js`), when it does. */
  spawns?: string;
}

const SPAWNING_PACKAGES = ['execa', 'cross-spawn', 'child-process-promise', 'puppeteer', 'playwright'];
const CHILD_PROCESS = /(?:require\(\s*|from\s+)['"](?:node:)?child_process['"]/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.git', 'coverage', 'test', 'tests', '__tests__']);
/** Enough for a service's own code; a bigger tree is not scanned further (the advice is only advice). */
const MAX_FILES = 400;

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The files a package names as `bin` commands when it starts otherwise (`main`, `scripts.start`, the
 * model's other entries): a CLI shipped with the project (node-express-boilerplate's
 * bin/createNodejsApp.js, which spawns git and npm), not code the container runs. A bin the start
 * runs is the service's code.
 */
function toolingBins(pkg: any, dir: string, service: ServiceModel | undefined): Set<string> {
  const bin = typeof pkg?.bin === 'string' ? [pkg.bin] : pkg?.bin && typeof pkg.bin === 'object' ? Object.values(pkg.bin).filter((b): b is string => typeof b === 'string') : [];
  const files = bin.map((b) => path.resolve(dir, b));
  if (service?.dir === dir) {
    const started = service.entries.filter((e) => e.from !== 'bin').map((e) => e.file);
    return new Set(started.length ? files.filter((f) => !started.includes(f)) : []);
  }
  const starts = [pkg?.main, pkg?.scripts?.start].filter((s): s is string => typeof s === 'string');
  return new Set(starts.length ? files.filter((f) => !starts.some((s) => s.includes(path.relative(dir, f)))) : []);
}

function findSpawn(dir: string, skip: Set<string>): string | undefined {
  let seen = 0;
  const walk = (d: string): string | undefined => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      if (seen >= MAX_FILES) return undefined;
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
        const found = walk(full);
        if (found) return found;
      } else if (/\.[cm]?[jt]s$/.test(e.name) && !/\.(test|spec)\./.test(e.name) && !skip.has(full)) {
        seen++;
        try {
          if (CHILD_PROCESS.test(fs.readFileSync(full, 'utf8'))) return path.relative(dir, full).split(path.sep).join('/');
        } catch {
          // Unreadable: not evidence either way.
        }
      }
    }
    return undefined;
  };
  return walk(dir);
}

/**
 * The package of a build context: from the fleet model when the file's service is that folder,
 * else its package.json read as data (never run). Cached per folder for the run.
 */
export function serviceDirs(service: ServiceModel | undefined): (dir: string) => ServiceDir {
  const cache = new Map<string, ServiceDir>();
  return (dir) => {
    let found = cache.get(dir);
    if (found) return found;
    const pkg = service?.dir === dir && service.package ? service.package : readJson(path.join(dir, 'package.json'));
    const deps = { ...(pkg?.dependencies ?? {}) };
    const dep = SPAWNING_PACKAGES.find((p) => p in deps);
    found = { scripts: pkg?.scripts, spawns: dep ? `depends on ${dep}` : pkg ? findSpawn(dir, toolingBins(pkg, dir, service)) : undefined };
    cache.set(dir, found);
    return found;
  };
}
