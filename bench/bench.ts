import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTransform } from '../transforms';
import { ALL, CONTENDERS, PATHS, type Check, type ContenderName, type RunContext } from './contenders';
import { generate, numberFlag, parseFlags, shapeFromFlags, SHAPES, type GeneratedTree, type Shape } from './generate';
import { describeMachine, machine, type Machine } from './machine';
import { hasGnuTime, hasProc, measure } from './measure';
import { formatResults } from './report';
import { measureScaling, type Scaling } from './scaling';
import { defaultJobs } from '../src/runner/pool';

export interface RunFigures {
  wallS: number;
  /** CPU seconds of the run and its child processes (null without GNU time). */
  cpuS: number | null;
  /** shipshape runs: the fleet model's build, from the run's own JSON report (`timings.fleetMs`). */
  fleetMs?: number;
  peakRssMB: number | null;
  maxProcessRssMB: number | null;
  processes: number;
}

export interface ContenderResult {
  name: ContenderName;
  workers: number;
  command: string;
  runs: RunFigures[];
  medianWallS: number;
  minWallS: number;
  /** Median CPU seconds (user + system, children included) over the counted runs; null without GNU time. */
  medianCpuS: number | null;
  /** JS/TS files of the tree per second (median run). */
  filesPerS: number;
  /** MB (2^20 bytes) of JS/TS per second (median run). */
  mbPerS: number;
  /** Largest peak RSS over the counted runs, MiB. */
  peakRssMB: number | null;
  /** What the last counted run did, from its own output. */
  check: Check;
}

export interface ShapeResult {
  name: string;
  shape: Shape;
  seed: number;
  tree: Omit<GeneratedTree, 'dir'>;
  /** Counted runs and warm-up runs of each contender. */
  runs: number;
  warmup: number;
  jobs: number;
  contenders: ContenderResult[];
  ratios: {
    /** Median wall time of shipshape over jscodeshift's. */
    shipshapeOverJscodeshift?: number;
    /** Median over rounds of the same-round ratio: less sensitive to load that drifts during the run. */
    shipshapeOverJscodeshiftPaired?: number;
    shipshapeOverFloor?: number;
    shipshapeOverFloorPaired?: number;
    /** shipshape (4 transforms) over ast-grep's single console.log rewrite. */
    shipshapeOverAstGrep?: number;
    shipshapeOverAstGrepPaired?: number;
    /** shipshape with the default --jobs over the same build on one thread: above 1, workers cost more than they give. */
    shipshapeOverOneThread?: number;
    shipshapeOverOneThreadPaired?: number;
    /** shipshape without verification over jscodeshift: the engine's ratio alone (no target: the targets are the whole run's). */
    noVerifyOverJscodeshift?: number;
    noVerifyOverJscodeshiftPaired?: number;
    noVerifyOverJscodeshiftCpuPaired?: number;
    noVerifyOverAstGrep?: number;
    noVerifyOverAstGrepPaired?: number;
    /** shipshape with an empty verification cache (a first run) over jscodeshift and ast-grep. */
    coldOverJscodeshift?: number;
    coldOverJscodeshiftPaired?: number;
    coldOverJscodeshiftCpuPaired?: number;
    coldOverAstGrep?: number;
    coldOverAstGrepPaired?: number;
    coldOverAstGrepCpuPaired?: number;
    /** shipshape's discovery (services and files) over a plain recursive readdir of the tree, in the floor's process. */
    discoveryOverReaddir?: number;
    /** With --candidate-bin: the other build's time over this build's (its first run, shipshape-cold, when measured), and over jscodeshift's. */
    candidateOverShipshape?: number;
    candidateOverShipshapePaired?: number;
    candidateOverJscodeshift?: number;
    candidateOverJscodeshiftPaired?: number;
    /** Median over rounds of the same-round ratio of CPU seconds (user + system): what load moves least. */
    shipshapeOverJscodeshiftCpuPaired?: number;
    shipshapeOverAstGrepCpuPaired?: number;
    /** The fleet model's build time over the whole dry run it was built in (median over shipshape's runs, each from its own report). */
    fleetOverShipshape?: number;
  };
  /** Seconds the fleet model took to build in shipshape's runs (median, from each run's `timings.fleetMs`). */
  fleetModelS?: number;
}

export interface Target {
  what: string;
  limit: string;
  value: string;
  met: boolean | null;
}

export interface BenchResults {
  version: 1;
  date: string;
  machine: Machine;
  /** Two-process speedup of parse-bound work on this machine, measured apart from shipshape (--no-scaling skips it). */
  scaling?: Scaling;
  memoryMethod: string;
  shapes: ShapeResult[];
  scale: ShapeResult[];
  targets: Target[];
}

interface Settings {
  seed: number;
  runs: number;
  warmup: number;
  jobs: number;
  keep: boolean;
  contenders: ContenderName[];
  shipshapeBin: string;
  candidateBin?: string;
  log(line: string): void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Options that spare both tools any detection: the logger and correlation-ID modules are named.
 * Only options the transforms declare are set, so the bench runs whatever stage the transforms are at.
 */
export function benchOptions(): Record<string, Record<string, unknown>> {
  const wanted: Record<string, Record<string, unknown>> = {
    'console-to-logger': { import: '@acme/logger' },
    'correlation-id': { import: '@acme/correlation-id' },
  };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, opts] of Object.entries(wanted)) {
    const declared = findTransform(name)?.options ?? {};
    const known = Object.fromEntries(Object.entries(opts).filter(([k]) => k in declared));
    if (Object.keys(known).length) out[name] = known;
  }
  return out;
}

function contenderList(raw: string | true | undefined, fallback: ContenderName[]): ContenderName[] {
  if (raw === undefined) return fallback;
  if (raw === true) throw new Error('--contenders: expected a comma-separated list');
  const names = raw.split(',').map((s) => s.trim());
  const known = Object.keys(ALL);
  for (const n of names) if (!known.includes(n)) throw new Error(`--contenders: unknown '${n}' (known: ${known.join(', ')})`);
  return names as ContenderName[];
}

/** Generates one tree and runs the contenders over it, alternating, warm-up rounds first. */
async function benchShape(name: string, shape: Shape, settings: Settings): Promise<ShapeResult> {
  const tree = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-bench-${name}-`)));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-out-'));
  const options = benchOptions();
  try {
    const generated = generate({ ...shape, seed: settings.seed, dir: tree, config: { transforms: options } });
    const { dir: _dir, ...figures } = generated;
    settings.log(
      `${name}: ${generated.files} files, ${(generated.bytes / 2 ** 20).toFixed(1)} MB (${generated.codeFiles} JS/TS, ${generated.consoleFiles} with console calls) in ${tree}`,
    );
    const ctx: RunContext = { tree, shipshapeBin: settings.shipshapeBin, candidateBin: settings.candidateBin, jobs: settings.jobs, consoleOptions: options['console-to-logger'] ?? {}, scratch };
    const byName = new Map<ContenderName, { runs: RunFigures[]; check: Check }>(settings.contenders.map((c) => [c, { runs: [], check: {} }]));
    const rounds = settings.warmup + settings.runs;
    for (let round = 0; round < rounds; round++) {
      const counted = round >= settings.warmup;
      // Rotating the order each round spreads any drift in machine load over every contender.
      const order = settings.contenders.map((_, i) => settings.contenders[(i + round) % settings.contenders.length]);
      for (const c of order) {
        const contender = ALL[c];
        const cmd = contender.command(ctx);
        const m = await measure(cmd.cmd, cmd.args, cmd.cwd, cmd.env);
        const check = contender.check(m, ctx);
        const entry = byName.get(c)!;
        if (counted) {
          const fleetMs = typeof check['fleet ms'] === 'number' ? { fleetMs: check['fleet ms'] } : {};
          entry.runs.push({ wallS: m.wallS, cpuS: m.cpuS, peakRssMB: m.peakRssMB, maxProcessRssMB: m.maxProcessRssMB, processes: m.processes, ...fleetMs });
          entry.check = check;
        }
        const rss = m.peakRssMB === null ? '' : `, ${m.peakRssMB.toFixed(0)} MiB`;
        const cpu = m.cpuS === null ? '' : `, ${m.cpuS.toFixed(2)} s CPU`;
        settings.log(`  ${counted ? `run ${round - settings.warmup + 1}` : 'warm-up'} ${c}: ${m.wallS.toFixed(2)} s${cpu}${rss}`);
      }
    }
    const mb = generated.codeBytes / 2 ** 20;
    const contenders: ContenderResult[] = settings.contenders.map((c) => {
      const { runs, check } = byName.get(c)!;
      const cmd = ALL[c].command(ctx);
      const wall = median(runs.map((r) => r.wallS));
      const rss = runs.map((r) => r.peakRssMB).filter((x): x is number => x !== null);
      return {
        name: c,
        workers: cmd.workers,
        command: [path.basename(cmd.cmd), ...cmd.args.map((a) => (a.startsWith(tree) ? a.replace(tree, '<tree>') : a.startsWith(scratch) ? a.replace(scratch, '<tmp>') : a))].join(' '),
        runs,
        medianWallS: wall,
        minWallS: Math.min(...runs.map((r) => r.wallS)),
        medianCpuS: runs.every((r) => r.cpuS !== null) ? median(runs.map((r) => r.cpuS!)) : null,
        filesPerS: generated.codeFiles / wall,
        mbPerS: mb / wall,
        peakRssMB: rss.length ? Math.max(...rss) : null,
        check,
      };
    });
    const ratios: ShapeResult['ratios'] = {};
    const ss = byName.get('shipshape')?.runs;
    // What the model costs, read from the same runs it was built in (each report's `timings`).
    const withFleet = ss?.filter((r) => r.fleetMs !== undefined) ?? [];
    let fleetModelS: number | undefined;
    if (withFleet.length) {
      fleetModelS = median(withFleet.map((r) => r.fleetMs! / 1000));
      ratios.fleetOverShipshape = median(withFleet.map((r) => r.fleetMs! / 1000 / r.wallS));
      settings.log(`  fleet model: ${fleetModelS.toFixed(2)} s`);
    }
    const pair = (other: ContenderName, mine: RunFigures[] | undefined): [number, number, number | undefined] | null => {
      const o = byName.get(other)?.runs;
      if (!mine?.length || !o?.length) return null;
      const paired = median(mine.map((r, i) => r.wallS / o[i].wallS));
      const cpu = mine.every((r, i) => r.cpuS && o[i].cpuS) ? median(mine.map((r, i) => r.cpuS! / o[i].cpuS!)) : undefined;
      return [median(mine.map((r) => r.wallS)) / median(o.map((r) => r.wallS)), paired, cpu];
    };
    const vsJ = pair('jscodeshift', ss);
    if (vsJ) [ratios.shipshapeOverJscodeshift, ratios.shipshapeOverJscodeshiftPaired, ratios.shipshapeOverJscodeshiftCpuPaired] = vsJ;
    const vsF = pair('floor', ss);
    if (vsF) [ratios.shipshapeOverFloor, ratios.shipshapeOverFloorPaired] = [vsF[0], vsF[1]];
    const vsA = pair('ast-grep', ss);
    if (vsA) [ratios.shipshapeOverAstGrep, ratios.shipshapeOverAstGrepPaired, ratios.shipshapeOverAstGrepCpuPaired] = vsA;
    const vs1 = pair('shipshape-1', ss);
    if (vs1) [ratios.shipshapeOverOneThread, ratios.shipshapeOverOneThreadPaired] = [vs1[0], vs1[1]];
    const nv = byName.get('shipshape-noverify')?.runs;
    const nvJ = pair('jscodeshift', nv);
    if (nvJ) [ratios.noVerifyOverJscodeshift, ratios.noVerifyOverJscodeshiftPaired, ratios.noVerifyOverJscodeshiftCpuPaired] = nvJ;
    const nvA = pair('ast-grep', nv);
    if (nvA) [ratios.noVerifyOverAstGrep, ratios.noVerifyOverAstGrepPaired] = [nvA[0], nvA[1]];
    const cold = byName.get('shipshape-cold')?.runs;
    const cJ = pair('jscodeshift', cold);
    if (cJ) [ratios.coldOverJscodeshift, ratios.coldOverJscodeshiftPaired, ratios.coldOverJscodeshiftCpuPaired] = cJ;
    const cA = pair('ast-grep', cold);
    if (cA) [ratios.coldOverAstGrep, ratios.coldOverAstGrepPaired, ratios.coldOverAstGrepCpuPaired] = cA;
    const floorCheck = byName.get('floor')?.check;
    if (floorCheck && typeof floorCheck['readdir ms'] === 'number' && typeof floorCheck['discovery ms'] === 'number')
      ratios.discoveryOverReaddir = (floorCheck['discovery ms'] as number) / Math.max(floorCheck['readdir ms'] as number, 0.001);
    const cand = byName.get('candidate')?.runs;
    const cs = pair(cold?.length ? 'shipshape-cold' : 'shipshape', cand);
    if (cs) [ratios.candidateOverShipshape, ratios.candidateOverShipshapePaired] = [cs[0], cs[1]];
    const cj = pair('jscodeshift', cand);
    if (cj) [ratios.candidateOverJscodeshift, ratios.candidateOverJscodeshiftPaired] = [cj[0], cj[1]];
    return { name, shape, seed: settings.seed, tree: figures, runs: settings.runs, warmup: settings.warmup, jobs: settings.jobs, contenders, ratios, fleetModelS };
  } finally {
    if (settings.keep) settings.log(`  kept ${tree}`);
    else fs.rmSync(tree, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const fmt = (x: number | undefined, digits = 2) => (x === undefined ? 'n/a' : x.toFixed(digits));

/** The issue's targets, judged on this run's figures (null when this run did not measure them). */
export function judge(results: Pick<BenchResults, 'shapes' | 'scale'>): Target[] {
  const targets: Target[] = [];
  const shape = (n: string) => results.shapes.find((s) => s.name === n);
  const sparse = shape('sparse');
  const dense = shape('dense');
  const ratio = (what: string, value: number | undefined, limit: number) =>
    targets.push({ what, limit: `≤ ${limit}`, value: fmt(value), met: value === undefined ? null : value <= limit });
  if (sparse) {
    ratio('sparse: shipshape (4 transforms) / jscodeshift (console-to-logger in its own API)', sparse.ratios.shipshapeOverJscodeshift, 0.3);
    if (sparse.ratios.coldOverJscodeshift !== undefined) ratio('sparse, first run (empty verification cache): shipshape / jscodeshift', sparse.ratios.coldOverJscodeshift, 0.3);
    ratio('sparse: shipshape (4 transforms) / ast-grep (one console.log rewrite)', sparse.ratios.shipshapeOverAstGrep, 1.5);
    if (sparse.ratios.coldOverAstGrep !== undefined) ratio('sparse, first run (empty verification cache): shipshape / ast-grep', sparse.ratios.coldOverAstGrep, 1.5);
    ratio('sparse: discovery / plain recursive readdir', sparse.ratios.discoveryOverReaddir, 2);
    ratio('sparse: fleet model build / shipshape dry run', sparse.ratios.fleetOverShipshape, 0.15);
  }
  if (dense) ratio('dense: shipshape (4 transforms) / jscodeshift (console-to-logger in its own API)', dense.ratios.shipshapeOverJscodeshift, 0.5);
  if (dense?.ratios.coldOverJscodeshift !== undefined) ratio('dense, first run (empty verification cache): shipshape / jscodeshift', dense.ratios.coldOverJscodeshift, 0.5);
  const points = results.scale
    .map((s) => ({ files: s.tree.files, c: s.contenders.find((c) => c.name === 'shipshape') }))
    .filter((p): p is { files: number; c: ContenderResult } => !!p.c)
    .sort((a, b) => a.files - b.files);
  if (points.length >= 2) {
    const last = points[points.length - 1];
    const rss = last.c.peakRssMB;
    targets.push({ what: `scale: shipshape peak RSS at ${last.files} files`, limit: '≤ 250 MiB', value: rss === null ? 'n/a' : `${rss.toFixed(0)} MiB`, met: rss === null ? null : rss <= 250 });
    const coldRss = results.scale.find((s) => s.tree.files === last.files)?.contenders.find((c) => c.name === 'shipshape-cold')?.peakRssMB;
    if (coldRss != null) targets.push({ what: `scale, first run (empty verification cache): peak RSS at ${last.files} files`, limit: '≤ 250 MiB', value: `${coldRss.toFixed(0)} MiB`, met: coldRss <= 250 });
    // Linear time: the cost of each extra file stays the same from one size to the next.
    const [a, b, c] = points.length >= 3 ? points.slice(-3) : [points[0], points[0], points[1]];
    const marginal = (p: typeof a, q: typeof a) => (q.c.medianWallS - p.c.medianWallS) / (q.files - p.files);
    if (points.length >= 3) {
      const growth = marginal(b, c) / marginal(a, b);
      targets.push({ what: 'scale: time per extra file, largest step / previous step (1 = linear)', limit: '≤ 1.3', value: fmt(growth), met: growth <= 1.3 });
    }
    const first = points[0].c.peakRssMB;
    if (rss !== null && first !== null) {
      const grow = rss / first;
      targets.push({ what: `scale: peak RSS at ${last.files} files / at ${points[0].files} files`, limit: '≤ 1.5', value: fmt(grow), met: grow <= 1.5 });
    }
  }
  return targets;
}

export const MEMORY_METHOD =
  'Each contender runs as a child process. Peak RSS is the larger of (a) the kernel peak RSS of the largest single process of the run (getrusage through GNU time -f %M) and (b) the peak, over samples every 50 ms, of the RSS summed over every live process of the run (/proc/<pid>/statm of the process and its descendants). shipshape and the floor are one process (shipshape\'s workers are threads sharing its RSS), so (a) is exact for them; jscodeshift forks a process per worker, so (b) counts its parent and workers together.';

const USAGE = `usage: npm run bench -- [flags]
  --shape sparse|dense|both   shapes to measure (default both)
  --services N                services per tree (default: sparse 100, dense 50)
  --files-per-service M       JS/TS files per service (default: sparse 77, dense 27)
  --density D                 share of JS/TS files with console calls, 0..1 (default: sparse 0.02, dense 1)
  --seed S                    generator seed (default 1)
  --runs R                    counted runs per contender (default 3)
  --warmup W                  warm-up runs per contender (default 1)
  --jobs J                    workers for shipshape, jscodeshift and ast-grep (default: shipshape's default)
  --contenders LIST           any of shipshape,shipshape-cold,jscodeshift,ast-grep,floor,jscodeshift-adapter,
                              shipshape-1,shipshape-noverify (default all); shipshape keeps its verification
                              cache across its runs (warm after the warm-up), shipshape-cold starts each run
                              with an empty one
  --scale                     also run the sparse shape at --scale-sizes files
  --scale-sizes LIST          total files per scale point (default 1000,4000,16000)
  --scale-contenders LIST     contenders of the scale runs (default shipshape,floor)
  --scale-runs R              counted runs per scale point (default 1)
  --scale-warmup W            warm-up runs per scale point (default 0)
  --no-shapes                 skip the shapes (with --scale: the scale runs only)
  --no-scaling                skip measuring what a second worker gives on this machine (about 5 s)
  --scaling-rounds N          parse rounds of that measurement (default 60)
  --out FILE                  JSON results (default .bench/results.json)
  --keep                      keep the generated trees
  --shipshape-bin FILE        the bin/shipshape.js measured as 'shipshape' (default: this checkout's)
  --candidate-bin FILE        also run another build's bin/shipshape.js as 'candidate', alternating with
                              this checkout's, to measure an engine change before/after in one run
`;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  for (const p of [PATHS.shipshape, PATHS.transform, PATHS.jscodeshiftTransform, PATHS.floor])
    if (!fs.existsSync(p)) throw new Error(`${p} is missing: run npm run build first (npm run bench does)`);
  const log = (line: string) => process.stderr.write(line + '\n');
  const settings: Settings = {
    seed: numberFlag(flags, 'seed', 1, Number.isInteger),
    runs: numberFlag(flags, 'runs', 3, (n) => Number.isInteger(n) && n >= 1),
    warmup: numberFlag(flags, 'warmup', 1, (n) => Number.isInteger(n) && n >= 0),
    jobs: numberFlag(flags, 'jobs', defaultJobs(), (n) => Number.isInteger(n) && n >= 1),
    keep: flags.keep === true,
    contenders: contenderList(flags.contenders, typeof flags['candidate-bin'] === 'string' ? [...CONTENDERS, 'candidate'] : CONTENDERS),
    shipshapeBin: typeof flags['shipshape-bin'] === 'string' ? path.resolve(flags['shipshape-bin']) : PATHS.shipshape,
    candidateBin: typeof flags['candidate-bin'] === 'string' ? path.resolve(flags['candidate-bin']) : undefined,
    log,
  };
  const shapeFlag = (flags.shape ?? 'both') as string;
  if (!['sparse', 'dense', 'both'].includes(shapeFlag)) throw new Error(`--shape: expected sparse, dense or both, got ${shapeFlag}`);
  const names = flags['no-shapes'] ? [] : shapeFlag === 'both' ? (['sparse', 'dense'] as const) : [shapeFlag as 'sparse' | 'dense'];
  const out = path.resolve(typeof flags.out === 'string' ? flags.out : path.join('.bench', 'results.json'));

  const m = machine();
  log(`machine: ${describeMachine(m)}`);
  log(`memory: ${hasGnuTime() ? 'GNU time' : 'no GNU time'}, ${hasProc() ? '/proc sampling' : 'no /proc'}`);
  const results: BenchResults = { version: 1, date: new Date().toISOString(), machine: m, memoryMethod: MEMORY_METHOD, shapes: [], scale: [], targets: [] };
  if (!flags['no-scaling']) {
    results.scaling = await measureScaling(numberFlag(flags, 'scaling-rounds', 60, (n) => Number.isInteger(n) && n >= 1));
    log(`two-worker speedup of parse-bound work: ${results.scaling.speedup.toFixed(2)}`);
  }
  for (const name of names) results.shapes.push(await benchShape(name, shapeFromFlags(flags, SHAPES[name]), settings));
  if (flags.scale) {
    const sizes = (typeof flags['scale-sizes'] === 'string' ? flags['scale-sizes'] : '1000,4000,16000').split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--scale-sizes: expected comma-separated file counts');
    const base = shapeFromFlags(flags, SHAPES.sparse);
    // Each service adds a package.json, a Dockerfile and a k8s manifest (a tsconfig.json for half of them).
    const perService = base.filesPerService + 3.5;
    const scaleSettings = {
      ...settings,
      contenders: contenderList(flags['scale-contenders'], ['shipshape', 'floor']),
      runs: numberFlag(flags, 'scale-runs', 1, (n) => Number.isInteger(n) && n >= 1),
      warmup: numberFlag(flags, 'scale-warmup', 0, (n) => Number.isInteger(n) && n >= 0),
    };
    for (const size of sizes) {
      const shape = { ...base, services: Math.max(1, Math.round(size / perService)) };
      results.scale.push(await benchShape(`sparse-${size}`, shape, scaleSettings));
    }
  }
  m.loadEnd = os.loadavg()[0];
  results.targets = judge(results);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(formatResults(results));
  process.stdout.write(`\nJSON: ${out}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench: ${err?.message ?? err}\n`);
    process.exitCode = 1;
  });
}
