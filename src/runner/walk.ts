import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folder names no walk enters: dependencies, build output, VCS data. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/** The ignore files a walk honours by default; another name (e.g. `.shipshapeignore`) is one more entry. */
export const DEFAULT_IGNORE_FILES: readonly string[] = ['.gitignore'];

export interface WalkOptions {
  /**
   * Names of ignore files (gitignore syntax) read in every folder the walk enters; deeper files win
   * and `!pattern` re-includes. Empty: no ignore files.
   */
  ignoreFiles?: readonly string[];
  /**
   * Folder whose ignore files apply from the top (the git work tree): the ignore files of folders
   * between it and the walk's start are read too, without walking them. Default: the start.
   */
  ignoreTop?: string;
  /** Folder names never entered (default IGNORED_FOLDERS). */
  skipFolders?: ReadonlySet<string>;
  /** Whether to enter a folder (after the ignore files said yes); `rel` is relative to the start, with `/`. */
  enter?(rel: string, abs: string): boolean;
  /** Each regular file not ignored. */
  file(abs: string, rel: string): void;
  /** Each symbolic link not ignored (links are never followed). */
  link?(abs: string, rel: string): void;
  /** Folder listings shared with the run's other walks (see `listings`): each folder is read from disk once. */
  listings?: Listings;
  /** Entries in the order of their paths, so files come out sorted as full paths sort (see inPathOrder). Default: directory order. */
  sorted?: boolean;
}

/** Folder listings of one run, by absolute folder: the services walk, the file walk and the fleet's inventory read each folder once between them. */
export type Listings = Map<string, fs.Dirent[] | null>;

export function listings(): Listings {
  return new Map();
}

/** A folder's entries (null when it cannot be read), from the run's listings when it has them. */
function list(dir: string, cache: Listings | undefined): fs.Dirent[] | null {
  let entries = cache?.get(dir);
  if (entries !== undefined) return entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    entries = null;
  }
  cache?.set(dir, entries);
  return entries;
}

/**
 * A folder's entries in the order their paths sort (UTF-16 code units, as Array#sort): a folder's
 * name compares as `name/`, as every path below it does (`a-b` before `a/x`). A depth-first walk in
 * this order yields paths sorted; sorting each folder's few names is cheaper than sorting all paths.
 */
function inPathOrder(entries: fs.Dirent[]): fs.Dirent[] {
  return entries.slice().sort(byPath);
}

/** Code-unit order of `a.name` and `b.name`, each folder's name read as if it ended in `/` (no key strings: the walk's garbage was its cost). */
function byPath(a: fs.Dirent, b: fs.Dirent): number {
  const x = a.name;
  const y = b.name;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d;
  }
  // One name starts the other: the shorter one goes on with `/` (47) when it is a folder, else ends.
  const nextX = x.length > n ? x.charCodeAt(n) : a.isDirectory() ? 47 : -1;
  const nextY = y.length > n ? y.charCodeAt(n) : b.isDirectory() ? 47 : -1;
  return nextX - nextY;
}

interface Rules {
  /** A path relative to the start, as the ignore file's folder sees it: `lead` + rel minus its first `cut` characters. */
  lead: string;
  cut: number;
  ignore: Ignore;
  /** False when no rule of the file can match an entry of this name (see nameFilter); absent: every path is tested. */
  mayMatch?(name: string): boolean;
}

/**
 * A quick test on an entry's name that is true for every name a rule could match, when every rule
 * of the file is a name pattern (no `/` inside it, so it matches a name at any depth, as
 * `node_modules` or `*.log` do): a literal name, or the longest literal run of a glob. The matcher
 * then runs only for those names; most entries of a tree match no rule at all. Null when some rule
 * is a path pattern or an escape: every path is tested. Names compare case-insensitively, as the
 * matcher does.
 */
function nameFilter(text: string): ((name: string) => boolean) | null {
  const names = new Set<string>();
  const runs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let rule = raw.trimEnd();
    if (rule === '' || rule.startsWith('#')) continue;
    if (rule.startsWith('!')) rule = rule.slice(1);
    if (rule.endsWith('/')) rule = rule.slice(0, -1);
    if (rule === '' || rule.includes('/') || rule.includes('\\')) return null;
    if (!/[*?[]/.test(rule)) {
      names.add(rule.toLowerCase());
      continue;
    }
    // A bracket expression stands for one character: like `*`, it is no literal text.
    const longest = rule.replace(/\[[^\]]*\]?/g, '*').split(/[*?]/).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest === '') return null;
    runs.push(longest.toLowerCase());
  }
  return (name) => {
    const lower = name.toLowerCase();
    return names.has(lower) || runs.some((r) => lower.includes(r));
  };
}

function readRules(dir: string, names: readonly string[]): Pick<Rules, 'ignore' | 'mayMatch'> | null {
  let rules: Ignore | null = null;
  let filters: ((name: string) => boolean)[] | null = [];
  for (const name of names) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    rules = (rules ?? ignore()).add(text);
    const filter: ((name: string) => boolean) | null = filters && nameFilter(text);
    filters = filter && filters ? [...filters, filter] : null;
  }
  if (!rules) return null;
  return filters ? { ignore: rules, mayMatch: (name) => filters!.some((f) => f(name)) } : { ignore: rules };
}

/** Whether `rel` (relative to the start, `/`; its last part `name`) is ignored: deeper rules override shallower ones. */
function ignoredBy(stack: readonly Rules[], rel: string, name: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rules of stack) {
    if (rules.mayMatch && !rules.mayMatch(name)) continue;
    const sub = rules.lead + rel.slice(rules.cut);
    const result = rules.ignore.test(isDir ? `${sub}/` : sub);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * One depth-first directory walk that applies ignore files as it descends: an ignored folder, or one
 * named in `skipFolders`, is never read (git does not descend into an ignored folder either, so
 * nothing below one can be re-included). Files come in directory order unless `sorted`; unreadable folders are skipped.
 */
export function walk(start: string, opts: WalkOptions): void {
  const names = opts.ignoreFiles ?? DEFAULT_IGNORE_FILES;
  const skip = opts.skipFolders ?? IGNORED_FOLDERS;
  const stack: Rules[] = [];
  // Rules of the folders above the start, down to it: patterns there are relative to their own folder.
  if (names.length && opts.ignoreTop) {
    const fromTop = path.relative(opts.ignoreTop, start);
    if (!fromTop.startsWith('..') && !path.isAbsolute(fromTop) && fromTop !== '') {
      const parts = fromTop.split(path.sep);
      for (let i = 0; i < parts.length; i++) {
        const rules = readRules(path.join(opts.ignoreTop, ...parts.slice(0, i)), names);
        if (!rules) continue;
        const rest = parts.slice(i);
        // The start itself (or a folder on the way to it) being ignored means nothing below it counts.
        for (let d = 1; d <= rest.length; d++) if (rules.ignore.ignores(`${rest.slice(0, d).join('/')}/`)) return;
        stack.push({ lead: `${rest.join('/')}/`, cut: 0, ...rules });
      }
    }
  }
  const visit = (dir: string, rel: string) => {
    const listed = list(dir, opts.listings);
    if (!listed) return;
    const entries = opts.sorted ? inPathOrder(listed) : listed;
    // Only names the folder holds are opened: a failed open costs more than reading the folder did.
    const held = names.length ? names.filter((n) => entries.some((e) => e.name === n && !e.isDirectory())) : names;
    const own = held.length ? readRules(dir, held) : null;
    if (own) stack.push({ lead: '', cut: rel === '' ? 0 : rel.length + 1, ...own });
    // `path.join` per entry cost more than the ignore tests: the folder is already a clean absolute path.
    const lead = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const abs = lead + name;
      if (entry.isDirectory()) {
        if (skip.has(name) || (stack.length && ignoredBy(stack, childRel, name, true))) continue;
        if (opts.enter && !opts.enter(childRel, abs)) continue;
        visit(abs, childRel);
      } else if (entry.isFile()) {
        if (stack.length && ignoredBy(stack, childRel, name, false)) continue;
        opts.file(abs, childRel);
      } else if (entry.isSymbolicLink()) {
        if (stack.length && ignoredBy(stack, childRel, name, false)) continue;
        opts.link?.(abs, childRel);
      }
    }
    if (own) stack.pop();
  };
  visit(path.resolve(start), '');
}
