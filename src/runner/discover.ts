import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { UsageError } from '../types';
import { GitignoreMatcher, gitTop } from './gitignore';

/** Folders no run looks into: dependencies, build output, VCS data. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.git/**'];
const GENERATED = /(\.d\.[cm]?ts|\.min\.[cm]?js)$/;

export interface GlobSet {
  patterns: string[];
  /** Folder the patterns are relative to. */
  base: string;
}

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  include: GlobSet[];
  exclude: GlobSet[];
  gitignore: boolean;
  /** Whether any selected transform wants a file, by its path relative to `cwd`. */
  wants(relPath: string): boolean;
}

export interface Discovered {
  /** Absolute paths, sorted, each once. */
  files: string[];
  skipped: { path: string; reason: string }[];
  /** Files left out by a `.shipshapeignore`. */
  ignored: number;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function matcher(sets: GlobSet[]): ((abs: string) => boolean) | null {
  const tests = sets.flatMap((set) =>
    set.patterns.map((pattern) => {
      // A pattern without a slash matches a name at any depth, as in .gitignore.
      const isMatch = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      return (abs: string) => {
        const rel = toPosix(path.relative(set.base, abs));
        return !rel.startsWith('../') && (isMatch(rel) || isMatch(`${rel}/`));
      };
    }),
  );
  return tests.length ? (abs) => tests.some((t) => t(abs)) : null;
}

/**
 * The files a run works on: named files, every file below named folders, or glob matches; without
 * dependency and build folders, generated files, config excludes and (by default) gitignored files.
 * Symlinks are not followed; those pointing out of the folder scanned are reported as skipped.
 */
export async function discover(opts: DiscoverOptions): Promise<Discovered> {
  const found = new Set<string>();
  const skipped: Discovered['skipped'] = [];
  const explicit = new Set<string>();
  for (const given of opts.paths) {
    const abs = path.resolve(opts.cwd, given);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) {
      found.add(abs);
      explicit.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      await scan(abs, ['**/*'], found, skipped);
      continue;
    }
    if (stat?.isSymbolicLink()) {
      skipped.push({ path: abs, reason: 'symbolic link: not followed' });
      continue;
    }
    if (fg.isDynamicPattern(given)) {
      await scan(opts.cwd, [toPosix(given)], found, skipped);
      continue;
    }
    throw new UsageError(`path not found: ${given} (run from the repository root or pass an existing file, folder or glob)`);
  }
  const include = matcher(opts.include);
  const exclude = matcher(opts.exclude);
  const top = opts.gitignore ? gitTop(opts.cwd) ?? opts.cwd : null;
  const gitignore = top ? new GitignoreMatcher(top) : null;
  // .shipshapeignore holds whether or not .gitignore is respected, and outside git too.
  const shipshapeignore = new GitignoreMatcher(gitTop(opts.cwd) ?? opts.cwd, '.shipshapeignore');
  let ignored = 0;
  const files = [...found]
    .filter((abs) => {
      if (explicit.has(abs)) return !exclude?.(abs);
      if (include && !include(abs)) return false;
      if (exclude?.(abs)) return false;
      if (gitignore?.ignores(abs)) return false;
      if (shipshapeignore.ignores(abs)) {
        // Counted only when a transform would have looked at it (not the ignore file itself).
        if (opts.wants(toPosix(path.relative(opts.cwd, abs)))) ignored++;
        return false;
      }
      return true;
    })
    .filter((abs) => opts.wants(toPosix(path.relative(opts.cwd, abs))))
    .sort();
  return { files, skipped, ignored };
}

async function scan(base: string, patterns: string[], found: Set<string>, skipped: Discovered['skipped']): Promise<void> {
  const entries = await fg(patterns, {
    cwd: base,
    absolute: true,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    ignore: ALWAYS_IGNORED,
    objectMode: true,
    suppressErrors: true,
  });
  for (const entry of entries) {
    const abs = path.normalize(entry.path);
    if (entry.dirent.isSymbolicLink()) {
      let target: string;
      try {
        target = fs.realpathSync(abs);
      } catch {
        continue;
      }
      const rel = path.relative(base, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) skipped.push({ path: abs, reason: `symbolic link to ${target}, outside ${base}: not followed` });
      // Links inside the tree point at files the scan reaches anyway.
      continue;
    }
    if (!entry.dirent.isFile() || GENERATED.test(abs)) continue;
    found.add(abs);
  }
}
