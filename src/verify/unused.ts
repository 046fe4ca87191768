import { moduleStem } from '../ast/modules';
import { isJsLike } from '../engine/parser';
import { isBuiltin } from './module-check';

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

/** Import, export-from, require and import() specifiers in a text (a superset is fine: see surelyUnused). */
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"`])([^'"`\n]+)\1/g;

function specifiersOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2]);
}

/**
 * What a specifier may refer to among created modules: the stem of its last segment, or every
 * created module (`*`) when its text cannot say (`.`, `..`, an alias such as `@/x`, `~x` or `#x`
 * whose target only the tsconfig or package.json knows). A package name (`pino`) or a builtin
 * refers to none.
 */
function referents(spec: string): string | null {
  if (isBuiltin(spec)) return null;
  const relative = spec.startsWith('.') || spec.startsWith('/');
  const last = spec.replace(/\/+$/, '').split('/').pop()!.replace(/\.[cm]?[jt]sx?$/, '');
  if (relative) return last === '' || last === '.' || last === '..' ? '*' : last === 'index' ? '*' : last;
  if (/^[@~#]/.test(spec) && !/^@[\w.-]+\/[\w.-]+/.test(spec)) return '*';
  // A path under a scope or a bare name: a deep path (`@app/shared/logger`, `src/logger`) may be a
  // tsconfig path or baseUrl import of a created module; a package root (`pino`, `@scope/name`) is not.
  const segments = spec.split('/').length - (spec.startsWith('@') ? 1 : 0);
  return segments > 1 ? last : null;
}

/**
 * Created modules that no file of the run can import, told from the texts alone, before any check:
 * no specifier of a changed file's new text (or of a created module that one can import) names them. Such
 * a scaffold is not created (as `unusedModules` would decide after verification) and is not
 * verified at all: on a repository of 13 services whose scaffolds nothing imported, that was most
 * of the run. Conservative by construction: a specifier that may name one (an alias, `..`) keeps
 * every created module, and what survives is decided again by `unusedModules` from resolved imports.
 */
export function surelyUnused(writes: readonly { path: string; original: string | null; output: string }[]): Set<string> {
  const created = writes.filter((w) => w.original === null && isJsLike(w.path));
  if (!created.length) return new Set();
  const byStem = new Map<string, string[]>();
  for (const c of created) byStem.set(moduleStem(c.path), [...(byStem.get(moduleStem(c.path)) ?? []), c.path]);
  // Every specifier of a written text counts, old ones too: text alone cannot tell an import that
  // was there from one a transform moved out of a string or a comment.
  const specifiers = (w: { output: string }) => specifiersOf(w.output);
  const createdSet = new Set(created.map((c) => c.path));
  const byPath = new Map(created.map((c) => [c.path, c]));
  const used = new Set<string>();
  const queue = writes.filter((w) => !createdSet.has(w.path)).flatMap(specifiers);
  while (queue.length) {
    const r = referents(queue.pop()!);
    if (r === null) continue;
    const targets = r === '*' ? [...createdSet] : byStem.get(r) ?? [];
    for (const t of targets) {
      if (used.has(t)) continue;
      used.add(t);
      queue.push(...specifiers(byPath.get(t)!));
    }
  }
  return new Set([...createdSet].filter((c) => !used.has(c)));
}
