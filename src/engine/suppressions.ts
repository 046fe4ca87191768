import type { Transform } from '../types';
import { applySome, changesOf, segmentsOf } from '../report/hunks';
import { isJsLike, parserFor } from './parser';

/**
 * `// shipshape-ignore-next-line [transform,...]` (also `/* ... *\/`, and `#` in Dockerfiles, YAML and
 * env files) keeps the statement on the next line as it is; `/* shipshape-ignore-file [transform,...] *\/`
 * keeps the whole file. Without names they hold for every transform. They act on the engine's
 * result, so every transform honours them without knowing about them.
 */
type Names = Set<string> | 'all';

export interface Suppressions {
  file: Names | null;
  /** 1-based line of the directive's target → the transforms it holds for. */
  lines: Map<number, Names>;
}

const DIRECTIVE = /(?:\/\/|\/\*|#)[ \t]*shipshape-ignore-(next-line|file)\b([^\n]*)/g;

function namesOf(rest: string): Names {
  // Names end at the comment's end or a `--` reason, as in eslint directives.
  const list = rest.replace(/\*\/.*$/, '').replace(/--.*$/, '').split(/[\s,]+/).filter(Boolean);
  return list.length ? new Set(list) : 'all';
}

export function covers(names: Names | null | undefined, transform: string): boolean {
  return names === 'all' || !!names?.has(transform);
}

export function parseSuppressions(source: string): Suppressions | null {
  if (!source.includes('shipshape-ignore-')) return null;
  const found: Suppressions = { file: null, lines: new Map() };
  for (const m of source.matchAll(DIRECTIVE)) {
    const names = namesOf(m[2]);
    if (m[1] === 'file') {
      found.file = found.file === 'all' || names === 'all' ? 'all' : new Set([...(found.file ?? []), ...names]);
      continue;
    }
    const line = source.slice(0, m.index).split('\n').length + 1;
    found.lines.set(line, names);
  }
  return found;
}

/**
 * The lines each directive keeps: the whole statement that starts on its target line in JS/TS (a
 * multi-line `new Pool({...})` is one target), the instruction with its `\` continuations elsewhere.
 */
function targetRanges(file: string, source: string, lines: Map<number, Names>, code: boolean): { from: number; to: number; names: Names; line: number }[] {
  const ends = new Map<number, number>();
  if (code) {
    let ast: any = null;
    try {
      const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/^#!/, '//');
      ast = parserFor(file).check(text);
    } catch {
      ast = null;
    }
    const visit = (node: any): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const loc = node.loc;
      if (loc && typeof node.type === 'string' && lines.has(loc.start.line)) ends.set(loc.start.line, Math.max(ends.get(loc.start.line) ?? 0, loc.end.line));
      for (const key in node) if (key !== 'loc' && key !== 'comments' && key !== 'leadingComments' && key !== 'trailingComments') visit(node[key]);
    };
    if (ast) visit(ast.program);
  } else {
    const all = source.split('\n');
    for (const line of lines.keys()) {
      let end = line;
      while (end <= all.length && /\\\r?$/.test(all[end - 1] ?? '')) end++;
      ends.set(line, end);
    }
  }
  return [...lines].map(([line, names]) => ({ from: line, to: ends.get(line) ?? line, names, line }));
}

const IMPORT_LINE = /^\s*(?:import\s+(.+?)\s+from\s+['"][^'"]+['"]|(?:const|let|var)\s+(.+?)\s*=\s*require\(\s*['"][^'"]+['"]\s*\))\s*;?\s*$/;

function importedNames(lines: string[]): string[] | null {
  const names: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const m = IMPORT_LINE.exec(line.replace(/\r?\n$/, ''));
    if (!m) return null;
    names.push(...(m[1] ?? m[2]).replace(/\btype\b|[{}*]|\bas\b/g, ' ').split(/[\s,:]+/).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)));
  }
  return names;
}

export interface Suppressed {
  output: string;
  /** Kept changes per transform (the result's counts less what was suppressed). */
  changes: Record<string, number>;
  /** What was suppressed, per transform. */
  counts: Record<string, number>;
  /** Why the suppression could not be honoured (the file is then left unchanged). */
  error?: string;
}

/**
 * Undoes the changes that touch a suppressed statement, and then the imports only they used. A change
 * is credited to the transforms that changed the file and the directive names (several: each).
 */
export function honourLineSuppressions(file: string, source: string, output: string, changes: Record<string, number>, sup: Suppressions, code = isJsLike(file)): Suppressed {
  const ranges = targetRanges(file, source, sup.lines, code);
  const segments = segmentsOf(source, output, true);
  const found = changesOf(segments);
  const counts: Record<string, number> = {};
  const kept = { ...changes };
  const dropped = new Set<number>();
  found.forEach((c, i) => {
    const last = c.oldStart + c.old.length - 1;
    // A pure insertion touches a statement when it goes inside it or right after it (a handler after app.listen).
    const touches = (r: { from: number; to: number }) => (c.old.length ? c.oldStart <= r.to && last >= r.from : c.oldStart > r.from && c.oldStart <= r.to + 1);
    const hit = ranges.find((r) => touches(r) && Object.keys(changes).some((t) => covers(r.names, t)));
    if (!hit) return;
    dropped.add(i);
    for (const t of Object.keys(changes).filter((n) => covers(hit.names, n))) {
      counts[t] = (counts[t] ?? 0) + 1;
      kept[t] = Math.max(0, (kept[t] ?? 0) - 1);
    }
  });
  if (dropped.size === 0) return { output, changes, counts };
  let text = applySome(segments, (i) => !dropped.has(i));
  // An import added for a suppressed call would be left unused (an error under noUnusedLocals).
  found.forEach((c, i) => {
    if (dropped.has(i)) return;
    const added = importedNames(c.new);
    if (!added) return;
    const before = new Set(importedNames(c.old) ?? []);
    const fresh = added.filter((n) => !before.has(n));
    const elsewhere = applySome(segments, (k) => !dropped.has(k) && k !== i);
    if (fresh.length && fresh.every((n) => !new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(elsewhere))) dropped.add(i);
  });
  text = applySome(segments, (i) => !dropped.has(i));
  for (const t of Object.keys(kept)) if (kept[t] === 0) delete kept[t];
  if (code && text !== source) {
    try {
      parserFor(file).check(text.replace(/^\uFEFF/, '').replace(/^#!/, '//'));
    } catch {
      const lines = ranges.map((r) => r.line - 1).join(', ');
      return { output: source, changes: {}, counts, error: `the changes left after the shipshape-ignore-next-line at line ${lines} do not parse on their own; the file was left unchanged (use /* shipshape-ignore-file */ to keep all of it)` };
    }
  }
  if (text === source) return { output: source, changes: {}, counts };
  return { output: text, changes: Object.keys(kept).length ? kept : { ...changes }, counts };
}

/** The transforms a file directive turns away, among those selected. */
export function fileSuppressed(sup: Suppressions | null, transforms: Transform[]): Transform[] {
  return sup?.file ? transforms.filter((t) => covers(sup.file, t.name)) : [];
}
