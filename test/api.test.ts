import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src';
import { execute } from '../src/runner/run';
import { UsageError } from '../src/types';
import { LOGGER_CONFIG, tempTree } from './helpers/cli';

describe('programmatic API', () => {
  it('run() returns the JSON report object and writes nothing in dry mode', async () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = console;\n', 'src/a.ts': "console.log('a');\n" });
    const report = await run({ cwd: dir, transforms: ['console-to-logger'], jobs: 1 });
    expect(report).toMatchObject({ version: 1, mode: 'dry', transforms: ['console-to-logger'], summary: { changed: 1, errors: 0 } });
    expect(report.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).toBe("console.log('a');\n");
  });

  it('execute() computes diffs unless told a run shows none', async () => {
    const files = { 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = console;\n', 'src/a.ts': "console.log('a');\n" };
    const shown = await execute({ cwd: tempTree(files), transforms: ['console-to-logger'], jobs: 1 });
    expect(shown.patches.map((p) => p.path)).toEqual(['src/a.ts']);
    expect(shown.patches[0].patch).toContain("-console.log('a');");
    const quiet = await execute({ cwd: tempTree(files), transforms: ['console-to-logger'], jobs: 1, patches: false });
    expect(quiet.report.summary.changed).toBe(1);
    expect(quiet.patches).toEqual([]);
  });

  it('run() rejects bad input with a UsageError, not a crash', async () => {
    await expect(run({ cwd: tempTree({}), paths: ['missing'] })).rejects.toBeInstanceOf(UsageError);
    await expect(run({ cwd: tempTree({}), transforms: ['nope'] })).rejects.toThrow(/unknown transform 'nope'/);
  });
});
