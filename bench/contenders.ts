import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './measure';

export type ContenderName = 'shipshape' | 'jscodeshift' | 'floor' | 'candidate';
export const CONTENDERS: ContenderName[] = ['shipshape', 'jscodeshift', 'floor'];

/** Paths from dist/bench/*.js to what the contenders run. */
export const PATHS = {
  shipshape: path.resolve(__dirname, '..', '..', 'bin', 'shipshape.js'),
  transform: path.resolve(__dirname, '..', 'transforms', 'console-to-logger.js'),
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

function shipshapeRun(name: 'shipshape' | 'candidate', binOf: (ctx: RunContext) => string): Contender {
  const reportOf = (ctx: RunContext) => path.join(ctx.scratch, `${name}.json`);
  return {
    name,
    command(ctx) {
      return {
        cmd: process.execPath,
        args: [binOf(ctx), 'run', '--dry', '-t', 'core', '--json', reportOf(ctx), '--quiet', '--jobs', String(ctx.jobs), '.'],
        cwd: ctx.tree,
        env,
        workers: ctx.jobs,
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
      return out;
    },
  };
}

export const shipshape = shipshapeRun('shipshape', (ctx) => ctx.shipshapeBin);

export const candidate = shipshapeRun('candidate', (ctx) => {
  if (!ctx.candidateBin) throw new Error('the candidate contender needs --candidate-bin');
  return ctx.candidateBin;
});

/** jscodeshift caps --cpus at cores - 1 (its Runner.js): on 2 cores it forks one worker whatever is asked. */
export function jscodeshiftWorkers(jobs: number): number {
  return Math.min(jobs, Math.max(os.cpus().length - 1, 1));
}

export const jscodeshift: Contender = {
  name: 'jscodeshift',
  command(ctx) {
    const options = Object.entries(ctx.consoleOptions).map(([k, v]) => `--${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    return {
      cmd: process.execPath,
      args: [
        jscodeshiftBin(),
        '-t',
        PATHS.transform,
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
    if (!processing || !/All done/.test(m.stdout)) throw new Error(`jscodeshift did not finish (exit ${m.code}):\n${tail(m.stdout + '\n' + m.stderr)}`);
    return { files: Number(processing[1]), ok: count('ok'), unmodified: count('unmodified'), skipped: count('skipped'), errors: count('errors') };
  },
};

export const floor: Contender = {
  name: 'floor',
  command(ctx) {
    return { cmd: process.execPath, args: [PATHS.floor, ctx.tree], cwd: ctx.tree, env, workers: 1 };
  },
  check(m) {
    let out: { files: number; wouldProcess: number; ms: number };
    try {
      out = JSON.parse(m.stdout);
    } catch {
      throw new Error(`the floor printed no result (exit ${m.code}):\n${tail(m.stderr)}`);
    }
    return { files: out.files, 'would process': out.wouldProcess, 'in-process ms': Math.round(out.ms) };
  },
};

export const ALL: Record<ContenderName, Contender> = { shipshape, jscodeshift, floor, candidate };
