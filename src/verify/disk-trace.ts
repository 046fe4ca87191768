import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * What a piece of work read from the disk, recorded so that a later run can tell, without doing the
 * work again, whether it would read the same: every file's content (by hash), every existence probe,
 * every directory listing and every realpath. TypeScript reads through `fs` (its `sys`), and so does
 * verification's own code, so recording at the `fs` functions sees every input, the misses included
 * (a module resolution that found nothing at `src/logger.ts` depends on that file staying absent).
 */
export interface DiskTrace {
  /** [path, encoding ('' = bytes), mtimeMs, size, ino, trusted (1: the stamp alone may vouch for the content), hash or `!CODE`] */
  reads: [string, string, number, number, number, 0 | 1, string][];
  /** [path, kind] of `statSync` (links followed) and `lstatSync`: f file, d folder, l link, o other, n none, `!CODE` error. */
  stats: [string, string][];
  lstats: [string, string][];
  exists: [string, 0 | 1][];
  /** [path, options (t = with types), hash of the sorted listing or `!CODE`] */
  dirs: [string, string, string][];
  /** [path, result or `!CODE`] */
  realpaths: [string, string][];
  /** [path, result]: realpaths of a function that answers its input when it cannot resolve (TypeScript's `sys.realpath`). */
  realpathsOrSelf: [string, string][];
}

/**
 * A file changed within this window of being read may change again within the same mtime tick
 * (coarse timestamps: 1-2 s on some filesystems): its stamp does not vouch for its content, it is
 * hashed again (git's "racily clean" entries).
 */
const RACY_MS = 2000;

const orig = {
  readFileSync: fs.readFileSync,
  statSync: fs.statSync,
  lstatSync: fs.lstatSync,
  existsSync: fs.existsSync,
  readdirSync: fs.readdirSync,
  realpathSync: fs.realpathSync,
  realpathNative: fs.realpathSync.native,
};

interface Recording {
  reads: Map<string, DiskTrace['reads'][number]>;
  stats: Map<string, string>;
  lstats: Map<string, string>;
  exists: Map<string, 0 | 1>;
  dirs: Map<string, DiskTrace['dirs'][number]>;
  realpaths: Map<string, string>;
  realpathsOrSelf: Map<string, string>;
  /** Set when something was read in a way the trace cannot replay (a file descriptor): no trace is kept. */
  unsafe?: string;
}

let active: Recording | undefined;

function hash(value: string | Buffer): string {
  return crypto.createHash('sha1').update(value).digest('base64');
}

/** What a stat or a folder entry is: f file, d folder, l link, o other, n none. */
function kindOf(st: Pick<fs.Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'> | undefined): string {
  if (!st) return 'n';
  return st.isFile() ? 'f' : st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'o';
}

/** How a failed call is recorded: its error code, marked so no content hash or kind can equal it. */
function failure(err: any): string {
  return `!${err?.code ?? 'ERR'}`;
}

function errorKind(err: any): string {
  return err?.code === 'ENOENT' || err?.code === 'ENOTDIR' ? 'n' : failure(err);
}

function encodingOf(options: unknown): string {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object' && typeof (options as any).encoding === 'string') return (options as any).encoding;
  return '';
}

function listing(entries: (string | Buffer | fs.Dirent)[]): string {
  const lines = entries.map((e) => (typeof e === 'string' || Buffer.isBuffer(e) ? String(e) : `${kindOf(e)} ${e.name}`));
  return hash(lines.sort().join('\n'));
}

function dirFlags(options: unknown): string {
  const o = (options && typeof options === 'object' ? options : {}) as { withFileTypes?: boolean; recursive?: boolean };
  return `${o.withFileTypes ? 't' : ''}${o.recursive ? 'r' : ''}`;
}

function pathOf(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (p instanceof URL) return p.pathname;
  if (Buffer.isBuffer(p)) return p.toString();
  return undefined;
}

function stampOf(file: string): [number, number, number] | undefined {
  const st = orig.statSync(file, { throwIfNoEntry: false });
  return st ? [st.mtimeMs, st.size, st.ino] : undefined;
}

const traced = {
  readFileSync(this: unknown, p: any, options?: any): any {
    const rec = active;
    const file = pathOf(p);
    if (rec && file === undefined) rec.unsafe = 'a file was read by descriptor';
    if (!rec || file === undefined) return (orig.readFileSync as any).call(fs, p, options);
    const enc = encodingOf(options);
    const key = `${enc}\0${file}`;
    try {
      const value = (orig.readFileSync as any).call(fs, p, options);
      if (!rec.reads.has(key)) {
        const stamp = stampOf(file) ?? [0, -1, 0];
        const trusted = stamp[0] + RACY_MS < Date.now() ? 1 : 0;
        rec.reads.set(key, [file, enc, stamp[0], stamp[1], stamp[2], trusted, hash(value)]);
      }
      return value;
    } catch (err: any) {
      if (!rec.reads.has(key)) rec.reads.set(key, [file, enc, 0, -1, 0, 0, failure(err)]);
      throw err;
    }
  },
  statSync(p: any, options?: any): any {
    return statLike(orig.statSync, active?.stats, p, options);
  },
  lstatSync(p: any, options?: any): any {
    return statLike(orig.lstatSync, active?.lstats, p, options);
  },
  existsSync(p: any): boolean {
    const value = orig.existsSync(p);
    const file = pathOf(p);
    if (active && file !== undefined && !active.exists.has(file)) active.exists.set(file, value ? 1 : 0);
    return value;
  },
  readdirSync(p: any, options?: any): any {
    const rec = active;
    const dir = pathOf(p);
    if (!rec || dir === undefined) return (orig.readdirSync as any).call(fs, p, options);
    const flags = dirFlags(options);
    const key = `${flags}\0${dir}`;
    try {
      const value = (orig.readdirSync as any).call(fs, p, options);
      if (!rec.dirs.has(key)) rec.dirs.set(key, [dir, flags, listing(value)]);
      return value;
    } catch (err: any) {
      if (!rec.dirs.has(key)) rec.dirs.set(key, [dir, flags, failure(err)]);
      throw err;
    }
  },
};

function statLike(fn: typeof fs.statSync, into: Map<string, string> | undefined, p: any, options?: any): any {
  const file = pathOf(p);
  if (!into || file === undefined) return (fn as any).call(fs, p, options);
  try {
    const value = (fn as any).call(fs, p, options);
    if (!into.has(file)) into.set(file, kindOf(value));
    return value;
  } catch (err) {
    if (!into.has(file)) into.set(file, errorKind(err));
    throw err;
  }
}

function tracedRealpath(native: boolean) {
  const fn = native ? orig.realpathNative : orig.realpathSync;
  return function realpathSync(p: any, options?: any): any {
    const file = pathOf(p);
    try {
      const value = (fn as any).call(fs, p, options);
      noteRealpath(file, String(value));
      return value;
    } catch (err: any) {
      noteRealpath(file, failure(err));
      throw err;
    }
  };
}

/**
 * For realpath functions that captured `fs.realpathSync.native` before recording began (TypeScript's
 * `sys.realpath` does, at load): they report what they resolved here.
 */
export function noteRealpath(file: string | undefined, result: string, orSelf = false): void {
  const into = orSelf ? active?.realpathsOrSelf : active?.realpaths;
  if (into && file !== undefined && !into.has(file)) into.set(file, result);
}

function realpathNow(file: string, orSelf: boolean): string {
  try {
    return String(orig.realpathNative(file));
  } catch (err: any) {
    return orSelf ? file : failure(err);
  }
}

function install(): () => void {
  const realpath = Object.assign(tracedRealpath(false), { native: tracedRealpath(true) });
  const target = fs as any;
  const saved = { readFileSync: target.readFileSync, statSync: target.statSync, lstatSync: target.lstatSync, existsSync: target.existsSync, readdirSync: target.readdirSync, realpathSync: target.realpathSync };
  Object.assign(target, traced, { realpathSync: realpath });
  return () => Object.assign(target, saved);
}

/**
 * Runs `work` (synchronous: nothing else may run while `fs` is traced) and returns its value with
 * the trace of what it read, or with `trace: null` when that cannot be told (see `unsafe`). Nested
 * calls add to the outer trace.
 */
export function traceDisk<T>(work: () => T): { value: T; trace: DiskTrace | null } {
  if (active) return { value: work(), trace: null };
  const rec: Recording = { reads: new Map(), stats: new Map(), lstats: new Map(), exists: new Map(), dirs: new Map(), realpaths: new Map(), realpathsOrSelf: new Map() };
  active = rec;
  const uninstall = install();
  let value: T;
  try {
    value = work();
  } finally {
    uninstall();
    active = undefined;
  }
  if (rec.unsafe) return { value, trace: null };
  return {
    value,
    trace: {
      reads: [...rec.reads.values()],
      stats: [...rec.stats],
      lstats: [...rec.lstats],
      exists: [...rec.exists],
      dirs: [...rec.dirs.values()],
      realpaths: [...rec.realpaths],
      realpathsOrSelf: [...rec.realpathsOrSelf],
    },
  };
}

function statKind(fn: typeof fs.statSync, file: string): string {
  try {
    return kindOf(fn(file, { throwIfNoEntry: false }));
  } catch (err) {
    return errorKind(err);
  }
}

function readStill(r: DiskTrace['reads'][number]): boolean {
  const [file, enc, mtimeMs, size, ino, trusted, was] = r;
  if (!was.startsWith('!') && trusted) {
    const now = stampOf(file);
    if (now && now[0] === mtimeMs && now[1] === size && now[2] === ino) return true;
  }
  try {
    return hash((orig.readFileSync as any)(file, enc || undefined)) === was;
  } catch (err: any) {
    return was === failure(err);
  }
}

/**
 * Whether the disk still answers every question of the trace as it did: the cheap questions first
 * (existence, kinds, listings), then each file read, by its stamp where that is trustworthy and by
 * its hash otherwise. Stops at the first difference.
 */
export function traceHolds(trace: DiskTrace): boolean {
  for (const [file, was] of trace.exists) if ((orig.existsSync(file) ? 1 : 0) !== was) return false;
  for (const [file, was] of trace.stats) if (statKind(orig.statSync, file) !== was) return false;
  for (const [file, was] of trace.lstats) if (statKind(orig.lstatSync, file) !== was) return false;
  for (const [file, was] of trace.realpaths) if (realpathNow(file, false) !== was) return false;
  for (const [file, was] of trace.realpathsOrSelf) if (realpathNow(file, true) !== was) return false;
  for (const [dir, flags, was] of trace.dirs) {
    let now: string;
    try {
      now = listing((orig.readdirSync as any)(dir, { withFileTypes: flags.includes('t'), recursive: flags.includes('r') }));
    } catch (err: any) {
      now = failure(err);
    }
    if (now !== was) return false;
  }
  for (const r of trace.reads) if (!readStill(r)) return false;
  return true;
}

export { hash as contentHash };
