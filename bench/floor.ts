import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { loadConfig } from '../src/config/load';
import { optionsFor, selectTransforms } from '../src/config/select';
import { isJsLike } from '../src/engine/parser';
import { wantsFile } from '../src/engine/transform-file';
import { ALWAYS_IGNORED } from '../src/runner/discover';

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
}

const GENERATED = /(\.d\.[cm]?ts|\.min\.[cm]?js)$/;

export async function floor(dir: string, transformNames: string[] = ['core']): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const config = loadConfig(dir);
  const selected = selectTransforms(transformNames);
  const options = optionsFor(selected, config);
  const entries = await fg('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ALWAYS_IGNORED, suppressErrors: true });
  const result: FloorResult = { files: 0, bytes: 0, wouldProcess: 0, ms: 0 };
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
