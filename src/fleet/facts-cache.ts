import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { shipshapeStamp } from '../verify/cache';

/**
 * What each file's tree said, kept across runs beside the verification cache: a file's tree facts
 * are a function of its path, its text and the shipshape build alone, so a second run (a dry run,
 * then `--write`) parses only the files that changed since. One JSON file per fleet root.
 */
export interface FileFactsCache {
  /** The facts of this text of the file: stored ones when the text is the same, else `compute`'s (kept for later runs). */
  facts<T>(file: string, source: string, compute: () => T): T;
  /** Writes what this run added; a failure only loses the entries. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

/** A change to what is stored bumps it: older files are never read. */
const FORMAT = 1;

interface Stored {
  format: number;
  shipshape: string;
  files: Record<string, { hash: string; facts: unknown }>;
}

const hashOf = (text: string) => crypto.createHash('sha1').update(text).digest('base64');

export function fileFactsCache(dir: string, root: string): FileFactsCache {
  const file = path.join(dir, `facts-v${FORMAT}`, `${hashOf(root).replace(/[/+=]/g, '_')}.json`);
  const stats = { hits: 0, misses: 0 };
  let stored: Stored | undefined;
  let changed = false;
  const load = (): Stored => {
    if (stored) return stored;
    const stamp = shipshapeStamp();
    try {
      const read = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (read?.format === FORMAT && read.shipshape === stamp && read.files && typeof read.files === 'object') {
        stored = read as Stored;
        // Its age says when it was last used: the cache's sweep removes what no run read for a week.
        const now = new Date();
        fs.utimesSync(file, now, now);
      }
    } catch {
      // No entries yet, or a broken file: every fact is computed.
    }
    stored ??= { format: FORMAT, shipshape: stamp, files: {} };
    return stored;
  };
  return {
    stats,
    facts<T>(abs: string, source: string, compute: () => T): T {
      const entries = load().files;
      const hash = hashOf(source);
      const kept = entries[abs];
      if (kept?.hash === hash) {
        stats.hits++;
        // A copy: the fleet joins servers to apps by changing the facts it gets.
        return JSON.parse(JSON.stringify(kept.facts)) as T;
      }
      stats.misses++;
      const facts = compute();
      entries[abs] = { hash, facts: JSON.parse(JSON.stringify(facts)) };
      changed = true;
      return facts;
    },
    save() {
      if (!changed || !stored) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(stored));
        // Readers see a whole file or the previous one, even with two runs at once.
        fs.renameSync(tmp, file);
        changed = false;
      } catch {
        // The cache folder is not writable: the next run computes these again.
      }
    },
  };
}
