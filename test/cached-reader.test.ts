import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { execute } from '../src/runner/run';
import { tempTree } from './helpers/cli';

const released = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/runner/cached-reader', async (load) => {
  const real = await load<typeof import('../src/runner/cached-reader')>();
  return {
    cachedReader: () => {
      const reader = real.cachedReader();
      return { ...reader, release: () => (released.count++, reader.release()) };
    },
  };
});

describe('the run-level file cache', () => {
  it('reads a file once until released, then from disk again', async () => {
    const { cachedReader: realReader } = await vi.importActual<typeof import('../src/runner/cached-reader')>('../src/runner/cached-reader');
    const dir = tempTree({ 'a.js': 'one\n' });
    const reader = realReader();
    const file = path.join(dir, 'a.js');
    expect(reader.read(file)).toBe('one\n');
    fs.writeFileSync(file, 'two\n');
    expect(reader.read(file)).toBe('one\n');
    expect(reader.known(file)).toBe('one\n');
    reader.release();
    expect(reader.known(file)).toBeUndefined();
    expect(reader.read(file)).toBe('two\n');
  });

  it('is released once files are transformed, before verification (on a large monorepo it holds the whole tree)', async () => {
    const dir = tempTree({ 'package.json': '{"name":"svc"}', 'src/index.js': "console.log('hi');\n" });
    const before = released.count;
    await execute({ cwd: dir, mode: 'dry', jobs: 1, format: false });
    expect(released.count).toBe(before + 1);
  });
});
