import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processFile, type FileTask, type ProcessedFile } from '../engine/process-file';
import type { ServiceModel } from '../fleet/types';

/** Below this many files per thread, starting a worker (loading the parser and transforms) costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;
/** Files per message: large enough to amortise messaging, small enough to balance load. */
const BATCH = 24;
/** Young-generation cap of each worker (V8's default is several times larger). */
const YOUNG_GENERATION_MB = 8;

/**
 * Worker threads when --jobs is not given. On two cores a second worker measured no faster than one
 * thread (the paired ratio 1.01; `shipshape-1` in `npm run bench`), and the main thread's own
 * work (discovery, diffs, writes) then competes with it: one thread. Above that, every core.
 */
export function defaultJobs(cores = os.availableParallelism()): number {
  return cores <= 2 ? 1 : cores;
}

export interface PoolOptions {
  jobs: number;
  onProgress?(done: number, total: number): void;
  /** Called once per file as its result arrives (not in task order with workers). */
  onResult?(result: ProcessedFile): void;
  /** The fleet's service models, which tasks name by `service`. */
  services?: ServiceModel[];
  /** Texts this thread already read in the run (the fleet model's): files processed here are not read again. */
  known?(path: string): string | undefined;
  /** Workers started before discovery (`startWorkers`): used when the files pay for them, else stopped. */
  started?: StartedWorkers | null;
}

type Piscina = import('piscina').Piscina;

/** A worker pool being started while the main thread discovers files and builds the fleet model. */
export interface StartedWorkers {
  threads: number;
  pool: Promise<Piscina>;
  /** Stops the threads; once, however often it is called. */
  stop(): Promise<void>;
}

function workerFile(): string {
  return path.join(__dirname, '..', 'engine', 'worker.js');
}

async function createPool(threads: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    // The run keeps them until its files are done, however long discovery and the fleet model take.
    idleTimeout: 60_000,
    // Each file's tree is garbage once the file is done: a small young generation collects it early,
    // which keeps each worker about 40 MB smaller at no measurable CPU cost (README, Benchmark).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return pool;
}

/**
 * Starts `jobs` worker threads now, when the run will use workers (more than one job and a compiled
 * worker), so that loading the parser and the transforms in each worker overlaps discovery and the
 * fleet model instead of following them (issue 14). Null when the run stays in this thread.
 */
export function startWorkers(jobs: number): StartedWorkers | null {
  const threads = Math.max(1, Math.floor(jobs));
  // From TypeScript sources (the test runner) there is no compiled worker: stay in-process.
  if (threads <= 1 || !fs.existsSync(workerFile())) return null;
  const pool = createPool(threads);
  // Each worker loads the engine once it starts: ask each for nothing, so they all load now.
  void pool.then((p) => Promise.all(Array.from({ length: threads }, () => p.run({ tasks: [], services: [] })))).catch(() => undefined);
  let stopped: Promise<void> | undefined;
  return { threads, pool, stop: () => (stopped ??= pool.then((p) => p.destroy())) };
}

/** Stops workers a run started and did not use (too few files, or the run ended early). */
export async function stopWorkers(started: StartedWorkers | null | undefined): Promise<void> {
  await started?.stop();
}

/**
 * Processes every task, in worker threads when there are enough files to pay for them, else in this
 * thread. Results come back in task order either way, so output is identical with --jobs 1.
 */
export async function runTasks(tasks: FileTask[], opts: PoolOptions): Promise<ProcessedFile[]> {
  const threads = Math.min(Math.max(1, Math.floor(opts.jobs)), Math.ceil(tasks.length / MIN_FILES_PER_WORKER));
  if (threads <= 1 || !fs.existsSync(workerFile())) {
    await stopWorkers(opts.started);
    return runInProcess(tasks, opts);
  }
  const pool = opts.started ? await opts.started.pool : await createPool(threads);
  const models = new Map((opts.services ?? []).map((s) => [s.name, s]));
  // Which models a worker already has is not known (piscina picks the thread): each batch carries
  // the few its files name.
  const modelsOf = (batch: FileTask[]) => [...new Set(batch.map((t) => t.service).filter((n): n is string => n !== undefined))].map((n) => models.get(n)).filter((m): m is ServiceModel => !!m);
  const results: ProcessedFile[] = new Array(tasks.length);
  let done = 0;
  try {
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < tasks.length; start += BATCH) {
      const batch = tasks.slice(start, start + BATCH);
      jobs.push(
        pool.run({ tasks: batch, services: modelsOf(batch) }).then((out: ProcessedFile[]) => {
          out.forEach((r, i) => {
            results[start + i] = r;
            opts.onResult?.(r);
          });
          done += batch.length;
          opts.onProgress?.(done, tasks.length);
        }),
      );
    }
    await Promise.all(jobs);
  } finally {
    await (opts.started ? opts.started.stop() : pool.destroy());
  }
  return results;
}

async function runInProcess(tasks: FileTask[], opts: PoolOptions): Promise<ProcessedFile[]> {
  const results: ProcessedFile[] = [];
  const services = new Map((opts.services ?? []).map((s) => [s.name, s]));
  for (const task of tasks) {
    const result = await processFile(task, services, opts.known?.(task.path));
    results.push(result);
    opts.onResult?.(result);
    opts.onProgress?.(results.length, tasks.length);
    // Let signal handlers and the progress bar run between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
