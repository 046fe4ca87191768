import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * .gitignore semantics across nested files: every .gitignore from the top folder down to a file's
 * folder is consulted, deeper files win, and a `!pattern` re-includes what a shallower file ignored.
 */
export class GitignoreMatcher {
  private readonly cache = new Map<string, Ignore | null>();

  constructor(private readonly top: string) {}

  private rulesOf(dir: string): Ignore | null {
    let rules = this.cache.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, '.gitignore');
      rules = fs.existsSync(file) ? ignore().add(fs.readFileSync(file, 'utf8')) : null;
      this.cache.set(dir, rules);
    }
    return rules;
  }

  ignores(abs: string): boolean {
    const rel = path.relative(this.top, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    let ignored = false;
    let dir = this.top;
    for (let i = 0; i < parts.length; i++) {
      const rules = this.rulesOf(dir);
      if (rules) {
        const sub = parts.slice(i).join('/');
        const verdict = rules.test(sub);
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
        // A file inside an ignored folder cannot be re-included (git does not descend into it).
        for (let k = i + 1; k < parts.length && !ignored; k++) {
          if (rules.ignores(`${parts.slice(i, k).join('/')}/`)) ignored = true;
        }
      }
      if (ignored) return true;
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
