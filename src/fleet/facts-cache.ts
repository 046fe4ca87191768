import fs from 'node:fs';
import path from 'node:path';
import { fileSafeHash, shipshapeStamp, touch, writeWhole } from '../verify/cache';
import { contentHash } from '../verify/disk-trace';

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

export function fileFactsCache(dir: string, root: string): FileFactsCache {
  const file = path.join(dir, `facts-v${FORMAT}`, `${fileSafeHash(root)}.json`);
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
        touch(file);
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
      const hash = contentHash(source);
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
        writeWhole(file, JSON.stringify(stored));
        changed = false;
      } catch {
        // The cache folder is not writable: the next run computes these again.
      }
    },
  };
}
