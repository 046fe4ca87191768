import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './measure';

export type ContenderName = 'shipshape' | 'shipshape-cold' | 'jscodeshift' | 'ast-grep' | 'floor' | 'jscodeshift-adapter' | 'shipshape-1' | 'shipshape-noverify' | 'candidate';
export const CONTENDERS: ContenderName[] = ['shipshape', 'shipshape-cold', 'jscodeshift', 'ast-grep', 'floor', 'jscodeshift-adapter', 'shipshape-1', 'shipshape-noverify'];

/** Paths from dist/bench/*.js to what the contenders run. */
export const PATHS = {
  shipshape: path.resolve(__dirname, '..', '..', 'bin', 'shipshape.js'),
  /** shipshape's console-to-logger module, which jscodeshift runs through src/jscodeshift-adapter.ts. */
  transform: path.resolve(__dirname, '..', 'transforms', 'console-to-logger.js'),
  /** console-to-logger written with jscodeshift's own API, as a jscodeshift user would (bench/jscodeshift-console.ts). */
  jscodeshiftTransform: path.resolve(__dirname, 'jscodeshift-console.js'),
  floor: path.resolve(__dirname, 'floor.js'),
};

export function jscodeshiftBin(): string {
  return require.resolve('jscodeshift/bin/jscodeshift.js');
}

export interface RunContext {
  tree: string;
  /** bin/shipshape.js of the `shipshape` contender: this checkout's unless --shipshape-bin names another build. */
  shipshapeBin: string;
  /** Another build's bin/shipshape.js, run as the `candidate` contender to compare engine changes in one run. */
  candidateBin?: string;
  jobs: number;
  /** console-to-logger's options, passed to jscodeshift as --name=value flags. */
  consoleOptions: Record<string, unknown>;
  /** Scratch folder for report files. */
  scratch: string;
}

export interface Command {
  cmd: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Worker processes or threads the contender uses. */
  workers: number;
}

/** What a run did, read from its output: proves the timing measured real work. */
export type Check = Record<string, number | string>;

export interface Contender {
  name: ContenderName;
  command(ctx: RunContext): Command;
  /** Reads the run's output; throws when the run did not do its job (the timing would mean nothing). */
  check(m: Measurement, ctx: RunContext): Check;
}

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}

/**
 * The verification cache a run sees: `kept` is the contender's own folder across its runs (warm
 * after the warm-up, as a user's second run is), `empty` a new folder every run (a first run).
 */
type CacheUse = 'kept' | 'empty';

function cacheEnv(ctx: RunContext, name: string, use: CacheUse): NodeJS.ProcessEnv {
  const dir = use === 'kept' ? path.join(ctx.scratch, `cache-${name}`) : fs.mkdtempSync(path.join(ctx.scratch, `cache-${name}-`));
  return { ...env, SHIPSHAPE_CACHE_DIR: dir };
}

function shipshapeRun(name: 'shipshape' | 'shipshape-cold' | 'shipshape-1' | 'shipshape-noverify' | 'candidate', binOf: (ctx: RunContext) => string, jobsOf = (ctx: RunContext) => ctx.jobs, extra: string[] = [], cache: CacheUse = 'kept'): Contender {
  const reportOf = (ctx: RunContext) => path.join(ctx.scratch, `${name}.json`);
  return {
    name,
    command(ctx) {
      return {
        cmd: process.execPath,
        args: [binOf(ctx), 'run', '--dry', '-t', 'core', '--json', reportOf(ctx), '--quiet', '--jobs', String(jobsOf(ctx)), ...extra, '.'],
        cwd: ctx.tree,
        env: cacheEnv(ctx, name, cache),
        workers: jobsOf(ctx),
      };
    },
    check(m, ctx) {
      const file = reportOf(ctx);
      if (!fs.existsSync(file)) throw new Error(`${name} wrote no report (exit ${m.code}):\n${tail(m.stderr)}`);
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.rmSync(file);
      const s = report.summary;
      const out: Check = { files: s.files, changed: s.changed, errors: s.errors, manual: s.manual };
      for (const [t, n] of Object.entries(s.changes as Record<string, number>)) out[`changes.${t}`] = n;
      // Where the run's own time went (older builds have no timings).
      const t = report.timings;
      if (t) Object.assign(out, { 'fleet ms': t.fleetMs, 'discovery ms': t.discoveryMs, 'transform ms': t.transformMs, 'verify ms': t.verifyMs, 'total ms': t.totalMs });
      const c = report.verification?.cache;
      if (c) Object.assign(out, { 'cache hits': c.hits, 'cache misses': c.misses });
      return out;
    },
  };
}

/** The default run, its verification cache kept across its runs: the counted runs are a user's second run on the same tree (a dry run, then --write or --check). */
export const shipshape = shipshapeRun('shipshape', (ctx) => ctx.shipshapeBin);

/** The same build with an empty verification cache every run: a first run on a tree. */
export const shipshapeCold = shipshapeRun('shipshape-cold', (ctx) => ctx.shipshapeBin, (ctx) => ctx.jobs, [], 'empty');

/** The same build on one thread: whether workers pay on this machine (README, Benchmark). */
export const shipshapeOneThread = shipshapeRun('shipshape-1', (ctx) => ctx.shipshapeBin, () => 1);

/**
 * The same build without verification (extra row, no target): the engine alone, the part of a run
 * jscodeshift and ast-grep also do; jscodeshift and ast-grep type-check nothing.
 */
export const shipshapeNoVerify = shipshapeRun('shipshape-noverify', (ctx) => ctx.shipshapeBin, (ctx) => ctx.jobs, ['--no-verify']);

/** Another build; a build with the verification cache gets an empty one every run, so it compares with shipshape-cold. */
export const candidate = shipshapeRun(
  'candidate',
  (ctx) => {
    if (!ctx.candidateBin) throw new Error('the candidate contender needs --candidate-bin');
    return ctx.candidateBin;
  },
  (ctx) => ctx.jobs,
  [],
  'empty',
);

/** jscodeshift caps --cpus at cores - 1 (its Runner.js): on 2 cores it forks one worker whatever is asked. */
export function jscodeshiftWorkers(jobs: number): number {
  return Math.min(jobs, Math.max(os.cpus().length - 1, 1));
}

function jscodeshiftRun(name: 'jscodeshift' | 'jscodeshift-adapter', transformOf: () => string): Contender {
  return {
    name,
    command(ctx) {
      const options = Object.entries(ctx.consoleOptions).map(([k, v]) => `--${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
      return {
        cmd: process.execPath,
        args: [
          jscodeshiftBin(),
          '-t',
          transformOf(),
          '--dry',
          // The transform module is compiled JavaScript: compiling it again with @babel/register would only slow jscodeshift down.
          '--no-babel',
          '--extensions=ts,tsx,js,jsx,mjs,cjs',
          '--parser=tsx',
          `--cpus=${ctx.jobs}`,
          '--ignore-pattern=**/node_modules/**',
          ...options,
          '.',
        ],
        cwd: ctx.tree,
        env,
        workers: jscodeshiftWorkers(ctx.jobs),
      };
    },
    check(m) {
      const count = (label: string) => {
        const hit = new RegExp(`(\\d+) ${label}`).exec(m.stdout);
        return hit ? Number(hit[1]) : NaN;
      };
      const processing = /Processing (\d+) files/.exec(m.stdout);
      if (!processing || !/All done/.test(m.stdout)) throw new Error(`${name} did not finish (exit ${m.code}):\n${tail(m.stdout + '\n' + m.stderr)}`);
      return { files: Number(processing[1]), ok: count('ok'), unmodified: count('unmodified'), skipped: count('skipped'), errors: count('errors') };
    },
  };
}

/** The contender of the targets: console-to-logger written with jscodeshift's own API, run by jscodeshift. */
export const jscodeshift = jscodeshiftRun('jscodeshift', () => PATHS.jscodeshiftTransform);

/** shipshape's own module through the adapter under jscodeshift: shipshape's engine on both sides, an extra row only. */
export const jscodeshiftAdapter = jscodeshiftRun('jscodeshift-adapter', () => PATHS.transform);

/** The ast-grep binary of this platform, from the @ast-grep/cli package's platform dependency. */
export function astGrepBin(): string {
  const abi = process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : '';
  const pkg = require.resolve(`@ast-grep/cli-${process.platform}-${process.arch}${abi}/package.json`);
  return path.join(path.dirname(pkg), process.platform === 'win32' ? 'ast-grep.exe' : 'ast-grep');
}

/** One `console.log(...)` to `logger.info(...)` rewrite, for TypeScript and JavaScript files. */
const AST_GREP_RULES = ['TypeScript', 'JavaScript']
  .map((language) => `id: console-log-${language}\nlanguage: ${language}\nrule:\n  pattern: console.log($$$ARGS)\nfix: logger.info($$$ARGS)\n`)
  .join('---\n');

export const astGrep: Contender = {
  name: 'ast-grep',
  command(ctx) {
    // Without --update-all ast-grep only reports each rewrite (the dry run); stream JSON is its cheapest report.
    return { cmd: astGrepBin(), args: ['scan', '--inline-rules', AST_GREP_RULES, '--json=stream', `--threads=${ctx.jobs}`, '.'], cwd: ctx.tree, env, workers: ctx.jobs };
  },
  check(m) {
    if (m.code !== 0) throw new Error(`ast-grep failed (exit ${m.code}):\n${tail(m.stderr)}`);
    const matches = m.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    return { rewrites: matches.length, files: new Set(matches.map((x) => x.file)).size };
  },
};

export const floor: Contender = {
  name: 'floor',
  command(ctx) {
    return { cmd: process.execPath, args: [PATHS.floor, ctx.tree], cwd: ctx.tree, env, workers: 1 };
  },
  check(m) {
    let out: { files: number; wouldProcess: number; ms: number; readdirMs: number; discoveryMs: number };
    try {
      out = JSON.parse(m.stdout);
    } catch {
      throw new Error(`the floor printed no result (exit ${m.code}):\n${tail(m.stderr)}`);
    }
    return {
      files: out.files,
      'would process': out.wouldProcess,
      'in-process ms': Math.round(out.ms),
      'readdir ms': Number(out.readdirMs.toFixed(1)),
      'discovery ms': Number(out.discoveryMs.toFixed(1)),
    };
  },
};

export const ALL: Record<ContenderName, Contender> = { shipshape, 'shipshape-cold': shipshapeCold, jscodeshift, 'ast-grep': astGrep, floor, 'jscodeshift-adapter': jscodeshiftAdapter, 'shipshape-1': shipshapeOneThread, 'shipshape-noverify': shipshapeNoVerify, candidate };
