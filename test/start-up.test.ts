import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { hasPrettierConfig, mayHavePrettierConfig } from '../src/runner/prettier-config';
import { tempTree } from './helpers/cli';

const ROOT = path.join(__dirname, '..');

describe('start-up', () => {
  it('loading the CLI and every transform loads neither the YAML parser, the diff library nor prettier', () => {
    // The compiled CLI, as `shipshape` loads it (npm test builds first).
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist/src/cli.js'))});
      const libs = Object.keys(require.cache).map((f) => (f.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//) || [])[1]).filter(Boolean);
      process.stdout.write(JSON.stringify([...new Set(libs)]));`;
    const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(loaded).toContain('commander');
    for (const lib of ['yaml', 'diff', 'prettier', 'diff2html']) expect(loaded).not.toContain(lib);
  });

  it('a run that shows no diff does not diff the files it creates either', async () => {
    // No logger module: console-to-logger creates one.
    const files = { 'package.json': '{"name":"a"}\n', 'src/a.js': "console.log('a');\n" };
    const shown = await execute({ cwd: tempTree(files), transforms: ['console-to-logger'], jobs: 1, verify: false });
    const created = shown.report.files.filter((f) => f.created).map((f) => f.path);
    expect(created.length).toBeGreaterThan(0);
    expect(shown.patches.map((p) => p.path)).toEqual(expect.arrayContaining(created));
    const quiet = await execute({ cwd: tempTree(files), transforms: ['console-to-logger'], jobs: 1, verify: false, patches: false });
    expect(quiet.report.files.filter((f) => f.created).map((f) => f.path)).toEqual(created);
    expect(quiet.patches).toEqual([]);
  });
});

describe('prettier config pre-check', () => {
  const project = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-prettier-'));
    for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text);
    return dir;
  };

  it('answers like prettier, asking it only when a config may exist', async () => {
    const prettier = await import('prettier');
    const cases: [Record<string, string>, boolean][] = [
      [{ 'package.json': '{"name":"a","devDependencies":{"jest":"1"}}' }, false],
      [{ 'package.json': '{"name":"a","devDependencies":{"prettier":"3"}}' }, false],
      [{ 'package.json': '{"name":"a","prettier":{"semi":false}}' }, true],
      [{ 'package.json': '{"name":"a"}', '.prettierrc': '{}' }, true],
      [{ 'prettier.config.cjs': 'module.exports = {};' }, true],
    ];
    // The folders above the temp folder are the same for every case; they hold no config here.
    expect(await prettier.resolveConfigFile(path.join(project({}), 'index.js'))).toBeNull();
    for (const [files, expected] of cases) {
      const dir = project(files);
      expect((await prettier.resolveConfigFile(path.join(dir, 'index.js'))) !== null).toBe(expected);
      expect(await hasPrettierConfig(dir)).toBe(expected);
    }
  });

  it('rules a config out without prettier only when no folder up to the root can hold one', () => {
    expect(mayHavePrettierConfig(project({ 'package.json': '{"name":"a"}' }))).toBe(false);
    expect(mayHavePrettierConfig(project({ 'package.json': '{"devDependencies":{"prettier":"3"}}' }))).toBe(true);
    expect(mayHavePrettierConfig(project({ '.prettierrc.toml': '' }))).toBe(true);
    const parent = project({ '.prettierrc': '{}' });
    const child = path.join(parent, 'services', 'a');
    fs.mkdirSync(child, { recursive: true });
    expect(mayHavePrettierConfig(child)).toBe(true);
  });
});
