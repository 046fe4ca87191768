import fs from 'node:fs';

export interface CachedReader {
  read(p: string): string;
  /** What was read, without reading. */
  known(p: string): string | undefined;
  /** Forgets every text: on a large monorepo they are the whole tree's, garbage once the transforms ran. */
  release(): void;
}

/**
 * Reads each file once for the whole main-process side of a run (the fleet model, prepare hooks, and
 * the transforms when they run in this thread); `known` answers only from what was read.
 */
export function cachedReader(): CachedReader {
  const cache = new Map<string, string>();
  return {
    read(p) {
      let text = cache.get(p);
      if (text === undefined) {
        text = fs.readFileSync(p, 'utf8');
        cache.set(p, text);
      }
      return text;
    },
    known: (p) => cache.get(p),
    release: () => cache.clear(),
  };
}
