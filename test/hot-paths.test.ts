import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processFile } from '../src/engine/process-file';
import { execute } from '../src/runner/run';
import { discover } from '../src/runner/discover';
import { tempTree } from './helpers/cli';

afterEach(() => vi.restoreAllMocks());

describe('engine and fleet hot paths', () => {
  it('a file the fleet model read is not read again when its transforms run in this thread', async () => {
    const dir = tempTree({ 'package.json': '{"name":"a","main":"src/index.js"}\n', 'src/index.js': "const express = require('express');\nconsole.log('up');\n" });
    const file = path.join(dir, 'src/index.js');
    const reads = vi.spyOn(fs, 'readFileSync');
    const outcome = await execute({ cwd: dir, transforms: ['console-to-logger'], jobs: 1, verify: false });
    expect(outcome.report.files.find((f) => f.path === 'src/index.js')?.status).toBe('changed');
    expect(reads.mock.calls.filter(([p]) => p === file)).toHaveLength(1);
  });

  it('processFile takes the text the run read, unless it holds a NUL: then the bytes decide', async () => {
    // On disk the file has nothing to change; the text the run read has a console call.
    const dir = tempTree({ 'a.js': 'const a = 1;\n', 'logger.js': 'module.exports = { logger: console };\n' });
    const options = { 'console-to-logger': { import: './logger' } };
    const task = { path: path.join(dir, 'a.js'), relPath: 'a.js', root: dir, transforms: ['console-to-logger'], options, format: false, diff: false };
    expect((await processFile(task)).status).toBe('unchanged');
    const fromRun = await processFile(task, undefined, "console.log('as read');\n");
    expect(fromRun).toMatchObject({ status: 'changed', original: "console.log('as read');\n" });
    fs.writeFileSync(task.path, Buffer.from([0x63, 0x00, 0x0a]));
    expect(await processFile(task, undefined, 'c\0\n')).toMatchObject({ status: 'skipped', reason: 'binary file' });
  });

  it('discovery names a file once however many given paths reach it, and hands wants the absolute path too', async () => {
    const dir = tempTree({ 'src/a.js': '', 'src/b.js': '', 'c.js': '' });
    const asked: [string, string][] = [];
    const found = await discover({ cwd: dir, paths: ['src', 'src/a.js', '.'], include: [], exclude: [], gitignore: false, wants: (rel, abs) => (asked.push([rel, abs]), true) });
    expect(found.files).toEqual([path.join(dir, 'c.js'), path.join(dir, 'src/a.js'), path.join(dir, 'src/b.js')]);
    for (const [rel, abs] of asked) expect(abs).toBe(path.join(dir, rel));
  });
});
