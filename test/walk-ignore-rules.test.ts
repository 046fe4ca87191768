import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execute } from '../src/runner/run';
import { walk } from '../src/runner/walk';
import { LOGGER_CONFIG, tempTree } from './helpers/cli';

function files(start: string): string[] {
  const out: string[] = [];
  walk(start, { file: (_abs, rel) => out.push(rel) });
  return out.sort();
}

afterEach(() => vi.restoreAllMocks());

/**
 * The walk asks the ignore matcher only about names some rule could match (name patterns of an
 * ignore file compiled into a name test): every kind of rule must still reach the matcher.
 */
describe('walk: ignore rules reach the matcher whatever their form', () => {
  it('name rules: literal, case-insensitive, glob, bracket expression, ?, directory-only, negation', () => {
    const dir = tempTree({
      '.gitignore': ['# comment', 'secret.txt', 'BUILD-*', '*.[oa]', '?emp.js', 'cache/', '*.log', '!keep.log', ''].join('\n'),
      'secret.txt': '',
      'build-x.js': '',
      'lib.o': '',
      'lib.a': '',
      'lib.c': '',
      'temp.js': '',
      'xtemp.js': '',
      'cache/c.js': '',
      'src/cache.js': '',
      'src/deep/err.log': '',
      'src/deep/keep.log': '',
      'src/a.ts': '',
    });
    expect(files(dir)).toEqual(['.gitignore', 'lib.c', 'src/a.ts', 'src/cache.js', 'src/deep/keep.log', 'xtemp.js']);
  });

  it('path rules (anchored, with a slash, **) in one file make every path of that file tested', () => {
    const dir = tempTree({
      '.gitignore': 'node_modules\n/top.js\ndocs/*.md\n**/gen/**\n',
      'top.js': '',
      'sub/top.js': '',
      'docs/a.md': '',
      'docs/deep/b.md': '',
      'x/gen/y.js': '',
      'keep.js': '',
    });
    expect(files(dir)).toEqual(['.gitignore', 'docs/deep/b.md', 'keep.js', 'sub/top.js']);
  });

  it('a nested ignore file re-includes what a shallower one ignores, and a shallower name rule still applies below it', () => {
    const dir = tempTree({
      '.gitignore': '*.gen.ts\n*.tmp\n',
      'pkg/.gitignore': '!keep.gen.ts\n',
      'pkg/keep.gen.ts': '',
      'pkg/drop.gen.ts': '',
      'pkg/x.tmp': '',
      'pkg/a.ts': '',
    });
    expect(files(dir)).toEqual(['.gitignore', 'pkg/.gitignore', 'pkg/a.ts', 'pkg/keep.gen.ts']);
  });
});

describe('one read of each folder per run', () => {
  it('the services walk, the file walk and the fleet inventory share their folder listings', async () => {
    const dir = tempTree({
      'shipshape.config.json': LOGGER_CONFIG,
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['services/*'] }),
      'services/a/package.json': JSON.stringify({ name: 'a', main: 'src/index.js' }),
      'services/a/src/index.js': "console.log('a');\n",
      'services/b/package.json': JSON.stringify({ name: 'b', main: 'index.js' }),
      'services/b/index.js': 'module.exports = 1;\n',
    });
    const read = vi.spyOn(fs, 'readdirSync');
    await execute({ cwd: dir, transforms: ['console-to-logger'], jobs: 1, verify: false });
    const inTree = read.mock.calls.map((c) => String(c[0])).filter((p) => p === dir || p.startsWith(dir + path.sep));
    const counts = new Map<string, number>();
    for (const p of inTree) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(counts.has(path.join(dir, 'services', 'a', 'src'))).toBe(true);
  });
});

describe('discover: named files against the config globs', () => {
  it('a file named on the command line skips the include globs but not the excludes, whatever the order of the paths', async () => {
    const { discover } = await import('../src/runner/discover');
    const dir = tempTree({ 'src/a.ts': '', 'src/x.skip.ts': '', 'other/a.ts': '', 'other/b.ts': '' });
    const globs = { include: [{ patterns: ['src/**'], base: dir }], exclude: [{ patterns: ['**/*.skip.ts'], base: dir }] };
    for (const paths of [['other/a.ts', '.', 'src/x.skip.ts'], ['.', 'src/x.skip.ts', 'other/a.ts']]) {
      const found = await discover({ cwd: dir, paths, ...globs, gitignore: true, wants: () => true });
      expect(found.files.map((f) => path.relative(dir, f).split(path.sep).join('/')), paths.join(' ')).toEqual(['other/a.ts', 'src/a.ts']);
    }
  });
});
