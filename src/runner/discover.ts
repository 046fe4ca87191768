import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../types';
import { gitTop } from './gitignore';
import { walk, type Listings } from './walk';

/** Folders no run looks into (dependencies, build output, VCS data), as globs for fast-glob users; the walk skips IGNORED_FOLDERS by name. */
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
  /** Ignore files (gitignore syntax) honoured besides .gitignore, whatever `gitignore` says, e.g. `.shipshapeignore`. */
  ignoreFiles?: string[];
  /** Whether any selected transform wants a file, by its path relative to `cwd` (and its absolute path). */
  wants(relPath: string, absPath: string): boolean;
  /** The run's folder listings, shared with its other walks. */
  listings?: Listings;
}

export interface Discovered {
  /** Absolute paths, sorted, each once. */
  files: string[];
  skipped: { path: string; reason: string }[];
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Path from `from` to `to` with `/`, or null when `to` is not inside `from`. */
function inside(from: string, to: string): string | null {
  const rel = path.relative(from, to);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return toPosix(rel);
}

/** A test on paths relative to the cwd (`/`), for the glob sets whose patterns are relative to their own base. */
function matcher(sets: GlobSet[], cwd: string): ((relCwd: string, abs: string) => boolean) | null {
  const tests = sets.flatMap((set) => {
    // The cwd is usually the base or below it: then a path relative to the base is a prefix away.
    const lead = inside(set.base, cwd);
    const prefix = lead === null || lead === '' ? '' : `${lead}/`;
    return set.patterns.map((pattern) => {
      // A pattern without a slash matches a name at any depth, as in .gitignore.
      const isMatch = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      return (relCwd: string, abs: string) => {
        const rel = lead !== null && !relCwd.startsWith('../') ? prefix + relCwd : toPosix(path.relative(set.base, abs));
        return !rel.startsWith('../') && (isMatch(rel) || isMatch(`${rel}/`));
      };
    });
  });
  return tests.length ? (relCwd, abs) => tests.some((t) => t(relCwd, abs)) : null;
}

/**
 * The files a run works on: named files, every file below named folders, or glob matches; without
 * dependency and build folders, generated files, config excludes and (by default) gitignored files.
 * One walk per named folder applies the ignore files as it descends, so ignored folders are never
 * read. Symlinks are not followed; those pointing out of the folder scanned are reported as skipped.
 */
export async function discover(opts: DiscoverOptions): Promise<Discovered> {
  // Walked files as the walk keeps them, and the files named on the command line, which wait for the
  // end: a Map or Set test per walked file (hashing its path) cost more than the folder reads did.
  const walked: string[] = [];
  const skipped: Discovered['skipped'] = [];
  const explicit = new Map<string, string>();
  const ignoreFiles = [...(opts.gitignore ? ['.gitignore'] : []), ...(opts.ignoreFiles ?? [])];
  const ignoreTop = ignoreFiles.length ? gitTop(opts.cwd) ?? opts.cwd : undefined;
  const relOf = (abs: string) => toPosix(path.relative(opts.cwd, abs));
  const include = matcher(opts.include, opts.cwd);
  const exclude = matcher(opts.exclude, opts.cwd);
  // A walked file is judged as the walk finds it; only the files named on the command line wait for the end.
  const keeps = (relCwd: string, abs: string) => !(include && !include(relCwd, abs)) && !exclude?.(relCwd, abs) && opts.wants(relCwd, abs);
  const scan = (base: string, accept?: (relCwd: string) => boolean) => {
    const lead = inside(opts.cwd, base);
    const prefix = lead === null || lead === '' ? null : `${lead}/`;
    walk(base, {
      sorted: true,
      ignoreFiles,
      ignoreTop,
      listings: opts.listings,
      file(abs, rel) {
        if (GENERATED.test(rel)) return;
        const relCwd = lead === '' ? rel : prefix !== null ? prefix + rel : relOf(abs);
        if (accept && !accept(relCwd)) return;
        if (keeps(relCwd, abs)) walked.push(abs);
      },
      link(abs) {
        let target: string;
        try {
          target = fs.realpathSync(abs);
        } catch {
          return;
        }
        // Links inside the tree point at files the walk reaches anyway.
        if (inside(base, target) === null) skipped.push({ path: abs, reason: `symbolic link to ${target}, outside ${base}: not followed` });
      },
    });
  };
  for (const given of opts.paths) {
    const abs = path.resolve(opts.cwd, given);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) {
      explicit.set(abs, relOf(abs));
      continue;
    }
    if (stat?.isDirectory()) {
      scan(abs);
      continue;
    }
    if (stat?.isSymbolicLink()) {
      skipped.push({ path: abs, reason: 'symbolic link: not followed' });
      continue;
    }
    const glob = picomatch.scan(toPosix(given));
    if (glob.isGlob) {
      // Only the glob's static folder is walked; matched against the path relative to the cwd.
      const isMatch = picomatch(toPosix(path.relative(opts.cwd, path.resolve(opts.cwd, given))), { dot: true });
      const base = path.resolve(opts.cwd, glob.base || '.');
      if (fs.existsSync(base)) scan(base, isMatch);
      continue;
    }
    throw new UsageError(`path not found: ${given} (run from the repository root or pass an existing file, folder or glob)`);
  }
  // A named file skips the include globs, not the excludes; a walked one was judged already.
  for (const [abs, rel] of explicit) if (!exclude?.(rel, abs) && opts.wants(rel, abs)) walked.push(abs);
  // One path's files come sorted from the walk. Only a second path can name a file again (a file
  // inside a named folder, overlapping folders) or interleave with the first.
  const files = opts.paths.length > 1 ? [...new Set(walked)].sort() : walked;
  return { files, skipped };
}
