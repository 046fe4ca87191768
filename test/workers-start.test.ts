import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Workers are started at the top of a run (issue 14: "start workers before discovery when they are
 * used"), from the compiled pool, as the CLI runs it: they load the engine while the main thread
 * walks the tree, take the files' batches with the service models each batch names, and stop when
 * the run ends, whether it used them or not.
 */
const dist = path.join(__dirname, '..', 'dist', 'src', 'runner', 'pool.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pool = require(dist) as typeof import('../src/runner/pool');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tree(files: number): { root: string; tasks: any[] } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-workers-')));
  dirs.push(root);
  const tasks = [];
  for (let i = 0; i < files; i++) {
    const rel = `f${i}.js`;
    fs.writeFileSync(path.join(root, rel), `console.log('file ${i}', ${i});\n`);
    tasks.push({ path: path.join(root, rel), relPath: rel, root, transforms: ['console-to-logger'], options: { 'console-to-logger': { import: './logger', name: 'logger', kind: 'named' } }, format: false, diff: false });
  }
  return { root, tasks };
}

describe('workers started before discovery', () => {
  it('are running before any task exists, and give the same results as this thread', async () => {
    const started = pool.startWorkers(2);
    expect(started).not.toBeNull();
    const piscina = await started!.pool;
    expect(piscina.threads.length).toBe(2);
    const { tasks } = tree(120);
    const inWorkers = await pool.runTasks(tasks, { jobs: 2, started });
    const here = await pool.runTasks(tasks, { jobs: 1 });
    expect(inWorkers.map((r) => r.output)).toEqual(here.map((r) => r.output));
    expect(inWorkers.filter((r) => r.status === 'changed')).toHaveLength(120);
    // The run's end stopped them; stopping again is harmless.
    expect(piscina.threads.length).toBe(0);
    await pool.stopWorkers(started);
  }, 60_000);

  it('are stopped, not used, when the run has too few files to pay for them', async () => {
    const started = pool.startWorkers(2);
    const piscina = await started!.pool;
    const { tasks } = tree(3);
    const results = await pool.runTasks(tasks, { jobs: 2, started });
    expect(results.map((r) => r.status)).toEqual(['changed', 'changed', 'changed']);
    expect(piscina.threads.length).toBe(0);
  }, 60_000);

  it('are not started for one job', () => {
    expect(pool.startWorkers(1)).toBeNull();
  });
});
