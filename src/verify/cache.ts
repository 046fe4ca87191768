import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash, traceDisk, traceHolds, type DiskTrace } from './disk-trace';
import { forgetPackageTypes } from './packages';
import { typescriptIdentity } from './typescript';
import type { VerifyService } from './service';
import type { VerifyInput, VerifyOutput } from './verify';

/**
 * Verification results kept across runs, as `tsc --incremental`, ESLint's `--cache` and Go's build
 * cache keep theirs: a service's result is reused when the run asks the same question (the same
 * planned writes, the same service and fleet facts, the same shipshape and TypeScript) and the disk
 * still answers everything the first verification read as it did then (see disk-trace.ts). A
 * dry run followed by `--write`, or a second `--check`, then verifies nothing again.
 */
export interface CacheStats {
  dir: string;
  hits: number;
  misses: number;
  stored: number;
  /** Entries that could not be read or written (a full disk, permissions): the run went on without them. */
  failures: number;
}

/** The format of an entry; a change to the key or the entry bumps it, and old entries are never read. */
const FORMAT = 1;
/** Entries nobody read for this long are removed (at most one sweep a day). */
const UNUSED_DAYS = 7;

/** Where the cache lives: `--cache-dir`, else $SHIPSHAPE_CACHE_DIR, else the user's cache folder (never inside the target repository: it must not show in its diff or its `node_modules`). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHIPSHAPE_CACHE_DIR) return path.resolve(env.SHIPSHAPE_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : os.tmpdir());
  return path.join(base, 'shipshape');
}

/** Names, sizes and times of shipshape's own compiled files: a rebuilt shipshape never reads an older build's results. */
function buildStamp(): string {
  const root = path.join(__dirname, '..');
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.[cm]?js$/.test(e.name)) {
        const st = fs.statSync(p);
        lines.push(`${path.relative(root, p)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(root);
  let babel = '';
  try {
    babel = require('@babel/parser/package.json').version;
  } catch {
    babel = '?';
  }
  return contentHash(`${lines.sort().join('\n')}\n@babel/parser ${babel}`);
}

let stamp: string | undefined;

/** A content hash usable as a file name. */
export function fileSafeHash(text: string): string {
  return contentHash(text).replace(/[/+=]/g, (c) => ({ '/': '_', '+': '-', '=': '' })[c]!);
}

/** Writes `text` to a temporary name and renames it: readers see a whole file or the previous one, even with two runs at once. */
export function writeWhole(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Marks a cache file as just used (the sweep removes what no run read for UNUSED_DAYS); a failure only loses its age. */
export function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // Only the age is lost.
  }
}

/** This shipshape build's stamp (computed once per process): other caches key on it too (the fleet's facts cache). */
export const shipshapeStamp = (): string => (stamp ??= buildStamp());

function serviceKey(s: VerifyService) {
  return { name: s.name, dir: s.dir, buildContext: s.buildContext, package: s.package, tsconfig: s.tsconfig };
}

interface Entry {
  format: number;
  key: string;
  trace: DiskTrace;
  output: { withheld: [string, string][]; imports: [string, string[]][]; report: VerifyOutput['report'] };
}

export class VerificationCache {
  readonly stats: CacheStats;

  constructor(readonly dir: string) {
    this.stats = { dir, hits: 0, misses: 0, stored: 0, failures: 0 };
  }

  /** Everything a service's verification decides from besides the disk, as one hash. */
  keyOf(input: VerifyInput, all: VerifyService[]): string {
    return fileSafeHash(
      JSON.stringify({
        format: FORMAT,
        shipshape: shipshapeStamp(),
        typescript: typescriptIdentity(input.service.dir),
        cwd: input.cwd,
        processCwd: process.cwd(),
        service: serviceKey(input.service),
        writes: input.writes.map((w) => [w.path, w.original === null ? null : contentHash(w.original), contentHash(w.output)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        runCreated: [...input.runCreated].sort(),
        // Which other services ship a file decides module checks (shippedBy).
        fleet: all.map(serviceKey).sort((a, b) => (a.name < b.name ? -1 : 1)),
      }),
    );
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `verify-v${FORMAT}`, key.slice(0, 2), `${key}.json`);
  }

  /** The stored output for `key` if its trace still holds; a broken entry is a miss, never an error. */
  get(key: string): VerifyOutput | undefined {
    const file = this.fileOf(key);
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    if (entry.format !== FORMAT || entry.key !== key || !traceHolds(entry.trace)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    touch(file);
    return { withheld: new Map(entry.output.withheld), imports: new Map(entry.output.imports), report: entry.output.report };
  }

  set(key: string, trace: DiskTrace, output: VerifyOutput): void {
    const file = this.fileOf(key);
    const entry: Entry = { format: FORMAT, key, trace, output: { withheld: [...output.withheld], imports: [...output.imports], report: output.report } };
    try {
      writeWhole(file, JSON.stringify(entry));
      this.stats.stored++;
    } catch {
      this.stats.failures++;
    }
  }

  /** Removes entries unused for UNUSED_DAYS, at most once a day; a failure only leaves them there. */
  prune(now = Date.now()): void {
    const root = path.join(this.dir, `verify-v${FORMAT}`);
    const marker = path.join(root, '.pruned');
    try {
      if (now - fs.statSync(marker).mtimeMs < 86_400_000) return;
    } catch {
      // Never pruned.
    }
    const old = (p: string) => now - fs.statSync(p).mtimeMs > UNUSED_DAYS * 86_400_000;
    try {
      for (const sub of fs.readdirSync(root)) {
        const dir = path.join(root, sub);
        if (!fs.statSync(dir).isDirectory()) continue;
        for (const name of fs.readdirSync(dir)) if (old(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
      }
      // The fleet facts of each fleet root (src/fleet/facts-cache.ts), touched when read.
      for (const facts of fs.readdirSync(this.dir).filter((d) => /^facts-v\d+$/.test(d)))
        for (const name of fs.readdirSync(path.join(this.dir, facts))) if (old(path.join(this.dir, facts, name))) fs.rmSync(path.join(this.dir, facts, name), { force: true });
      fs.writeFileSync(marker, '');
    } catch {
      // The cache folder is gone or not ours to clean.
    }
  }

}

/**
 * One service's verification through the cache: a hit returns the stored output (its report says
 * `cached`), a miss verifies while tracing the disk and stores what it found.
 */
export function verifyCached(cache: VerificationCache, input: VerifyInput, all: VerifyService[], verify: (input: VerifyInput) => VerifyOutput): VerifyOutput {
  const started = Date.now();
  const key = cache.keyOf(input, all);
  const hit = cache.get(key);
  if (hit) return { ...hit, report: { ...hit.report, cached: true, ms: Date.now() - started } };
  // What earlier services' checks memoised would be read without a trace.
  forgetPackageTypes();
  const { value, trace } = traceDisk(() => verify(input));
  if (trace) cache.set(key, trace, value);
  return value;
}
