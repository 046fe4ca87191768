import { isJsLike } from '../engine/parser';

/**
 * Created modules that no file the run writes (and that is not withheld) would import, directly or
 * through other created modules. A scaffold exists for its importers: one made for a service whose
 * console calls the transform then left alone (browser code under `frontend/`, a tool's wrapper) would
 * be a module nothing loads.
 */
export function unusedModules(imports: ReadonlyMap<string, string[]>, created: ReadonlySet<string>, withheld: ReadonlyMap<string, string>): Set<string> {
  const used = new Set<string>();
  const queue = [...imports].filter(([file]) => !created.has(file) && !withheld.has(file)).flatMap(([, targets]) => targets);
  while (queue.length) {
    const target = queue.pop()!;
    if (used.has(target) || !created.has(target)) continue;
    used.add(target);
    queue.push(...(imports.get(target) ?? []));
  }
  return new Set([...created].filter((g) => isJsLike(g) && !used.has(g) && !withheld.has(g)));
}
