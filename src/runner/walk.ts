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
}

interface Rules {
  /** A path relative to the start, as the ignore file's folder sees it: `lead` + rel minus its first `cut` characters. */
  lead: string;
  cut: number;
  ignore: Ignore;
}

function readRules(dir: string, names: readonly string[]): Ignore | null {
  let rules: Ignore | null = null;
  for (const name of names) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    rules = (rules ?? ignore()).add(text);
  }
  return rules;
}

/** Whether `rel` (relative to the start, `/`) is ignored: deeper rules override shallower ones. */
function ignoredBy(stack: readonly Rules[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rules of stack) {
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
 * nothing below one can be re-included). Files come in directory order; unreadable folders are skipped.
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
        for (let d = 1; d <= rest.length; d++) if (rules.ignores(`${rest.slice(0, d).join('/')}/`)) return;
        stack.push({ lead: `${rest.join('/')}/`, cut: 0, ignore: rules });
      }
    }
  }
  const visit = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const own = names.length ? readRules(dir, names) : null;
    if (own) stack.push({ lead: '', cut: rel === '' ? 0 : rel.length + 1, ignore: own });
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const abs = path.join(dir, name);
      if (entry.isDirectory()) {
        if (skip.has(name) || (stack.length && ignoredBy(stack, childRel, true))) continue;
        if (opts.enter && !opts.enter(childRel, abs)) continue;
        visit(abs, childRel);
      } else if (entry.isFile()) {
        if (stack.length && ignoredBy(stack, childRel, false)) continue;
        opts.file(abs, childRel);
      } else if (entry.isSymbolicLink()) {
        if (stack.length && ignoredBy(stack, childRel, false)) continue;
        opts.link?.(abs, childRel);
      }
    }
    if (own) stack.pop();
  };
  visit(start, '');
}
