import path from 'node:path';
import type { ServiceModel } from './types';

const SOURCE_FOLDERS = new Set(['src', 'lib', 'app', 'server', 'source']);

/**
 * A service started from a file at its top (`index.js` requiring `./src/main`) has its code in one
 * source folder: new modules go there, not beside the entry, where a tsconfig's `include: ["src"]`
 * would not see them and importing them would move tsc's output (`dist/main.js` → `dist/src/main.js`).
 */
export function sourceRootOfGraph(m: Pick<ServiceModel, 'dir' | 'sourceRoot'>, graph: Iterable<string> | undefined): string {
  if (m.sourceRoot !== m.dir || !graph) return m.sourceRoot;
  const tops = new Set<string>();
  for (const f of graph) {
    const parts = path.relative(m.dir, f).split(path.sep);
    if (parts.length > 1 && parts[0] !== '..' && parts[0] !== 'node_modules') tops.add(parts[0]);
  }
  const [top] = [...tops];
  return tops.size === 1 && SOURCE_FOLDERS.has(top) ? path.join(m.dir, top) : m.sourceRoot;
}
