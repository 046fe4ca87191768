import fs from 'node:fs';

/** Reads each file once for the whole main-process side of a run (the fleet model, then prepare hooks). */
export function cachedReader(): ((p: string) => string) & { release(): void } {
  const cache = new Map<string, string>();
  const read = (p: string) => {
    let text = cache.get(p);
    if (text === undefined) {
      text = fs.readFileSync(p, 'utf8');
      cache.set(p, text);
    }
    return text;
  };
  // The texts are the whole tree's on a large monorepo; once transforms run (each task reads its file again) they are garbage.
  return Object.assign(read, { release: () => cache.clear() });
}
