import fs from 'node:fs';
import path from 'node:path';

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
