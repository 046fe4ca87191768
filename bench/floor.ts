import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/load';
import { optionsFor, selectTransforms } from '../src/config/select';
import { isJsLike } from '../src/engine/parser';
import { wantsFile } from '../src/engine/transform-file';
import { discover } from '../src/runner/discover';
import { IGNORED_FOLDERS, listings } from '../src/runner/walk';
import { discoverServices } from '../src/fleet/services';

/**
 * The read floor: the least any codemod run over the tree must do. In one process, with no
 * workers, no parsing and no report: find the candidate files, read each, and ask every selected
 * transform's cheap text test whether it would need to parse it.
 */
export interface FloorResult {
  /** Candidate files read. */
  files: number;
  bytes: number;
  /** Files at least one prefilter (or text claim) lets through: what a tool has to parse or rewrite. */
  wouldProcess: number;
  /** Time from the start of discovery to the last prefilter, without process and module start-up. */
  ms: number;
  /** Median CPU ms of a plain recursive readdir of the tree (no ignore files, no globs): the discovery floor. */
  readdirMs: number;
  /** Median CPU ms of shipshape's discovery of the same tree: services, then files (ignore files, globs, wanted paths). */
  discoveryMs: number;
}

/** Every file below `dir` by recursive readdir, skipping only dependency and build folders by name. */
export function readdirFiles(dir: string, rel = '', out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name)) readdirFiles(path.join(dir, entry.name), childRel, out);
    } else if (entry.isFile()) out.push(childRel);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Discovery against the readdir floor, alternating, median of `rounds` each (same process, warm
 * caches). Both are synchronous file-system work, timed as this process's CPU time (user + system):
 * on a loaded machine wall time mostly measures the wait for a core.
 */
async function discoveryAgainstReaddir(dir: string, wants: (rel: string) => boolean, rounds = 15): Promise<{ readdirMs: number; discoveryMs: number }> {
  const config = loadConfig(dir);
  const plain: number[] = [];
  const ours: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  for (let i = 0; i < rounds; i++) {
    let t = process.cpuUsage();
    readdirFiles(dir);
    plain.push(cpuMs(t));
    t = process.cpuUsage();
    // As a run does it: services, then files, sharing the folder listings.
    const folders = listings();
    discoverServices(config, folders);
    await discover({ cwd: dir, paths: ['.'], include: [{ patterns: config.include, base: config.dir }], exclude: [{ patterns: config.exclude, base: config.dir }], gitignore: true, ignoreFiles: ['.shipshapeignore'], listings: folders, wants });
    ours.push(cpuMs(t));
  }
  return { readdirMs: median(plain), discoveryMs: median(ours) };
}

const GENERATED = /(\.d\.[cm]?ts|\.min\.[cm]?js)$/;

export async function floor(dir: string, transformNames: string[] = ['core']): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const config = loadConfig(dir);
  const selected = selectTransforms(transformNames);
  const options = optionsFor(selected, config);
  const entries = readdirFiles(dir);
  const result: FloorResult = { files: 0, bytes: 0, wouldProcess: 0, ms: 0, readdirMs: 0, discoveryMs: 0 };
  for (const rel of entries) {
    if (GENERATED.test(rel) || !wantsFile(rel, selected, options)) continue;
    const abs = path.join(dir, rel);
    const buf = fs.readFileSync(abs);
    const source = buf.toString('utf8');
    result.files++;
    result.bytes += buf.length;
    const js = isJsLike(rel);
    const passes = selected.some((t) => {
      const opts = options[t.name] ?? {};
      if (js) return !!t.ast && !t.ast.exclude?.(rel, abs, opts, config.dir) && t.ast.prefilter(source, opts);
      return !!t.text && t.text.claims(rel, opts) && (t.text.prefilter?.(source, opts) ?? true);
    });
    if (passes) result.wouldProcess++;
  }
  result.ms = Number(process.hrtime.bigint() - started) / 1e6;
  Object.assign(result, await discoveryAgainstReaddir(dir, (rel) => wantsFile(rel, selected, options)));
  return result;
}

async function main(): Promise<void> {
  const [dir, transforms] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node dist/bench/floor.js <dir> [transforms, default core]\n');
    process.exitCode = 2;
    return;
  }
  const result = await floor(path.resolve(dir), transforms ? transforms.split(',') : undefined);
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (require.main === module) void main();
