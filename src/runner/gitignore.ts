import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * .gitignore semantics across nested files: every .gitignore from the top folder down to a file's
 * folder is consulted, deeper files win, and a `!pattern` re-includes what a shallower file ignored.
 */
export class GitignoreMatcher {
  private readonly cache = new Map<string, Ignore | null>();
  private readonly dirs = new Map<string, boolean>();

  /** `fileName`: the ignore files to read in every folder (`.shipshapeignore` uses the same rules). */
  constructor(
    private readonly top: string,
    private readonly fileName = '.gitignore',
  ) {}

  private rulesOf(dir: string): Ignore | null {
    let rules = this.cache.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, this.fileName);
      rules = fs.existsSync(file) ? ignore().add(fs.readFileSync(file, 'utf8')) : null;
      this.cache.set(dir, rules);
    }
    return rules;
  }

  ignores(abs: string): boolean {
    const rel = path.relative(this.top, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    // git does not descend into an ignored folder, so nothing below one can be re-included.
    for (let d = 1; d < parts.length; d++) {
      const key = parts.slice(0, d).join('/');
      let ignored = this.dirs.get(key);
      if (ignored === undefined) {
        ignored = this.verdict(parts.slice(0, d), true);
        this.dirs.set(key, ignored);
      }
      if (ignored) return true;
    }
    return this.verdict(parts, false);
  }

  /** Whether the path (as parts below the top) is ignored, deeper .gitignore files overriding shallower ones. */
  private verdict(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    let dir = this.top;
    for (let i = 0; i < parts.length; i++) {
      const rules = this.rulesOf(dir);
      if (rules) {
        const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
        const result = rules.test(sub);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      dir = path.join(dir, parts[i]);
    }
    return ignored;
  }
}

/** The git work tree containing `dir`, or null outside one. */
export function gitTop(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}
