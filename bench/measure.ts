import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One timed run of a command. */
export interface Measurement {
  /** Wall-clock seconds from spawn to exit. */
  wallS: number;
  /**
   * Peak resident memory of the whole process tree in MiB: the larger of the sampled sum over every
   * process of the tree (jscodeshift forks one process per worker) and the kernel's exact peak of
   * the largest single process (worker threads share their process's RSS). Null when neither
   * /proc nor GNU time is available.
   */
  peakRssMB: number | null;
  /** The kernel's peak RSS of the largest single process (getrusage via GNU time), MiB. */
  maxProcessRssMB: number | null;
  /** Peak of the sampled sum of RSS over the process tree, MiB. */
  sampledTreeRssMB: number | null;
  /** Most processes seen alive at once in the tree. */
  processes: number;
  /**
   * CPU seconds (user + system) of the command and every child it waited for (GNU time %U + %S);
   * null without GNU time. On a shared machine this moves far less with load than wall time.
   */
  cpuS: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

const SAMPLE_MS = 50;
const PAGE = 4096;

let gnuTime: boolean | undefined;

/** Whether /usr/bin/time is GNU time (it takes -f and -o); BusyBox and BSD time do not all. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = false;
    if (fs.existsSync('/usr/bin/time')) {
      const out = path.join(os.tmpdir(), `shipshape-bench-time-${process.pid}`);
      const res = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, 'true'], { stdio: 'ignore' });
      gnuTime = res.status === 0 && fs.existsSync(out) && /^\d+\s*$/.test(fs.readFileSync(out, 'utf8'));
      fs.rmSync(out, { force: true });
    }
  }
  return gnuTime;
}

export const hasProc = (): boolean => fs.existsSync('/proc/self/statm');

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    } catch {
      // The thread or process exited between the two reads.
    }
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** RSS summed over `root`'s descendants (and `root` itself unless it is only the time wrapper). */
function sampleTree(root: number, includeRoot: boolean): { bytes: number; processes: number } {
  let bytes = 0;
  let processes = 0;
  const queue = includeRoot ? [root] : childrenOf(root);
  while (queue.length) {
    const pid = queue.pop()!;
    const rss = rssOf(pid);
    if (rss > 0) {
      bytes += rss;
      processes++;
    }
    queue.push(...childrenOf(pid));
  }
  return { bytes, processes };
}

/** Runs `cmd args` in `cwd` and measures wall time and peak memory; never throws for a failing command. */
export function measure(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  const wrap = hasGnuTime();
  const proc = hasProc();
  const timeFile = path.join(os.tmpdir(), `shipshape-bench-${process.pid}-${Date.now()}.time`);
  const argv = wrap ? ['-f', '%M %U %S', '-o', timeFile, cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(wrap ? '/usr/bin/time' : cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peakTree = 0;
    let processes = 0;
    const sample = () => {
      if (!proc || child.pid === undefined) return;
      const s = sampleTree(child.pid, !wrap);
      peakTree = Math.max(peakTree, s.bytes);
      processes = Math.max(processes, s.processes);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    let wallS = 0;
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('exit', () => {
      wallS = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(timer);
    });
    child.on('close', (code) => {
      let maxProcess: number | null = null;
      let cpuS: number | null = null;
      if (wrap) {
        try {
          // GNU time puts "Command exited with non-zero status N" before the figures when it fails.
          const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
          const figures = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
          if (figures) {
            maxProcess = Number(figures[1]) / 1024;
            cpuS = Number(figures[2]) + Number(figures[3]);
          }
        } catch {
          maxProcess = null;
        }
        fs.rmSync(timeFile, { force: true });
      }
      const tree = proc && processes > 0 ? peakTree / 1048576 : null;
      const peak = tree === null && maxProcess === null ? null : Math.max(tree ?? 0, maxProcess ?? 0);
      // With GNU time the exit status is the wrapped command's.
      resolve({ wallS, peakRssMB: peak, maxProcessRssMB: maxProcess, sampledTreeRssMB: tree, processes, cpuS, code, stdout, stderr });
    });
  });
}
