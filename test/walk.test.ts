import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discover } from '../src/runner/discover';
import { walk } from '../src/runner/walk';
import { tempTree } from './helpers/cli';

function files(start: string, opts: Partial<Parameters<typeof walk>[1]> = {}): string[] {
  const out: string[] = [];
  walk(start, { ...opts, file: (_abs, rel) => out.push(rel) });
  return out.sort();
}

afterEach(() => vi.restoreAllMocks());

describe('walk: one directory walk applying ignore files as it descends', () => {
  it('never reads an ignored folder or a dependency folder', () => {
    const dir = tempTree({
      '.gitignore': 'generated/\n',
      'generated/deep/a.ts': '',
      'node_modules/x/index.js': '',
      'src/a.ts': '',
    });
    const read = vi.spyOn(fs, 'readdirSync');
    expect(files(dir)).toEqual(['.gitignore', 'src/a.ts']);
    const visited = read.mock.calls.map((c) => path.relative(dir, String(c[0])));
    expect(visited.sort()).toEqual(['', 'src']);
  });

  it('started below the top, it applies the ignore files of the folders above the start', () => {
    const dir = tempTree({
      '.gitignore': '*.gen.ts\nsvc/a/tmp/\n',
      'svc/.gitignore': '/a/skip.ts\n',
      'svc/a/keep.ts': '',
      'svc/a/skip.ts': '',
      'svc/a/x.gen.ts': '',
      'svc/a/tmp/t.ts': '',
    });
    expect(files(path.join(dir, 'svc/a'), { ignoreTop: dir })).toEqual(['keep.ts']);
    // A start inside an ignored folder has nothing in it.
    expect(files(path.join(dir, 'svc/a/tmp'), { ignoreTop: dir })).toEqual([]);
  });

  it('another ignore file name is one entry of ignoreFiles; an empty list ignores nothing', () => {
    const dir = tempTree({ '.shipshapeignore': 'legacy.ts\n', '.gitignore': 'tmp.ts\n', 'legacy.ts': '', 'tmp.ts': '', 'a.ts': '' });
    expect(files(dir, { ignoreFiles: ['.gitignore', '.shipshapeignore'] })).toEqual(['.gitignore', '.shipshapeignore', 'a.ts']);
    expect(files(dir, { ignoreFiles: [] })).toEqual(['.gitignore', '.shipshapeignore', 'a.ts', 'legacy.ts', 'tmp.ts']);
  });

  it('discover takes extra ignore files, honoured even with gitignore off', async () => {
    const dir = tempTree({ '.shipshapeignore': 'old/\n', 'old/a.ts': '', 'new/b.ts': '' });
    const found = await discover({ cwd: dir, paths: ['.'], include: [], exclude: [], gitignore: false, ignoreFiles: ['.shipshapeignore'], wants: () => true });
    expect(found.files.map((f) => path.relative(dir, f))).toEqual(['.shipshapeignore', path.join('new', 'b.ts')]);
  });

  it('sorted, it yields paths in the order Array#sort puts them, so discovery need not sort', async () => {
    const names = ['a-b.js', 'a/x.js', 'a.js', 'ab/c.js', 'A.js', 'a/b/c.js', 'a/b-c.js', 'a b/d.js', '\u00e9.js', 'Z/z.js', '_.js'];
    const dir = tempTree(Object.fromEntries(names.map((n) => [n, ''])));
    const out: string[] = [];
    walk(dir, { sorted: true, file: (_abs, rel) => out.push(rel) });
    expect(out).toEqual([...names].sort());
    const found = await discover({ cwd: dir, paths: ['.'], include: [], exclude: [], gitignore: false, wants: () => true });
    expect(found.files).toEqual([...found.files].sort());
    expect(found.files.map((f) => path.relative(dir, f))).toEqual([...names].sort());
  });
});
