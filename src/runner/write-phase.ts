import fs from 'node:fs';
import path from 'node:path';
import type { ProcessedFile } from '../engine/process-file';
import type { GeneratedFile } from '../types';
import { isReadOnly, writeFileAtomic } from './write';

/** Applies a changed file unless it changed on disk since it was read or is read-only. */
function writeResult(result: ProcessedFile): string | null {
  if (result.mode !== undefined && isReadOnly(result.mode)) return 'file is read-only; make it writable (chmod u+w) or leave it out with --exclude';
  try {
    if (fs.readFileSync(result.path, 'utf8') !== result.original) return 'file changed on disk during the run; run again';
    writeFileAtomic(result.path, result.output!, result.mode);
    return null;
  } catch (err: any) {
    return `cannot write: ${err.code ?? err.message}`;
  }
}

function createFile(g: GeneratedFile): string | null {
  try {
    fs.mkdirSync(path.dirname(g.path), { recursive: true });
    writeFileAtomic(g.path, g.content);
    return null;
  } catch (err: any) {
    return `cannot create: ${err.code ?? err.message}`;
  }
}

/**
 * The write phase, after verification: service by service, created modules before the files that
 * import them, each file whole (temp file + rename). It yields between files so Ctrl-C lands
 * between two whole files. A file that cannot be written becomes an error; the rest go on.
 */
export async function writeAll(results: ProcessedFile[], generated: GeneratedFile[], serviceOf: (abs: string) => unknown): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  const order = new Map<unknown, { create: GeneratedFile[]; change: ProcessedFile[] }>();
  const group = (abs: string) => {
    const key = serviceOf(abs);
    let g = order.get(key);
    if (!g) order.set(key, (g = { create: [], change: [] }));
    return g;
  };
  for (const g of generated) group(g.path).create.push(g);
  for (const r of results) if (r.status === 'changed') group(r.path).change.push(r);
  for (const { create, change } of order.values()) {
    for (const g of create) {
      const failure = createFile(g);
      if (failure) failures.set(g.path, failure);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const r of change) {
      const failure = writeResult(r);
      if (failure) failures.set(r.path, failure);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return failures;
}
