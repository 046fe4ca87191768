import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCompiledSources } from '../src/fleet/deploy';

const svc = path.join('/repo', 'services', 'pay');
const src = path.join(svc, 'src');

describe('build context of an image that copies compiled output', () => {
  it('counts the source root as inside when the image copies a dist folder the tree does not hold', () => {
    const ctx = [path.join(svc, 'dist'), path.join(svc, 'package.json')];
    expect(withCompiledSources(ctx, src, undefined, () => false)).toEqual([path.join(svc, 'dist'), path.join(svc, 'package.json'), src].sort());
  });

  it('counts it when the copied folder is the tsconfig outDir, whatever its name', () => {
    const out = path.join(svc, 'compiled');
    expect(withCompiledSources([out], src, out, () => true)).toEqual([out, src].sort());
  });

  it('leaves a context alone that copies sources, or a dist folder committed to the tree', () => {
    expect(withCompiledSources([svc], src, undefined, () => false)).toEqual([svc]);
    expect(withCompiledSources([path.join(svc, 'dist')], src, undefined, () => true)).toEqual([path.join(svc, 'dist')]);
  });
});
