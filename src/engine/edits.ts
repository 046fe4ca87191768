import MagicString from 'magic-string';

/** A range of the original source, as babel gives every node (`start`, `end`: offsets). */
export interface Range {
  start: number;
  end: number;
}

export interface Edit {
  /** `insert` edits have start === end. */
  kind: 'replace' | 'remove' | 'insert';
  start: number;
  end: number;
  text: string;
  /** Inserted text stays with what precedes the offset ('left') or what follows it ('right'). */
  side?: 'left' | 'right';
  /** The transform that asked for it. */
  transform: string;
}

function rangeOf(target: Range): Range {
  if (typeof target?.start !== 'number' || typeof target?.end !== 'number') throw new Error('edit target has no position in the source (a node built by the transform, not parsed from the file)');
  return { start: target.start, end: target.end };
}

export function lineEndOf(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end;
}

/** `code` with its second and later lines indented by `indent` (blank lines stay empty). */
export function indented(code: string, indent: string): string {
  return code
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : indent + line))
    .join('\n');
}

/**
 * Where text goes to follow `stmt` on a line of its own: the end of its last line when only
 * whitespace or comments follow it there (`x(); // note` keeps its note), else right after it.
 */
export function afterStatementOffset(source: string, stmt: Range): number {
  const end = lineEndOf(source, stmt.end);
  return /^\s*(?:(?:\/\/.*)|(?:\/\*.*?\*\/\s*))*$/.test(source.slice(stmt.end, end)) ? end : stmt.end;
}

/**
 * The changes one transform makes to one file, described on the original text: every byte outside
 * an edited range stays the original byte. Text is built by the transform in the file's style
 * (ctx.style); nothing is reprinted.
 */
export class SourceEdits {
  readonly list: Edit[] = [];

  constructor(
    readonly source: string,
    private readonly transform: string,
  ) {}

  /** The original text of a node or range. */
  textOf(target: Range): string {
    const { start, end } = rangeOf(target);
    return this.source.slice(start, end);
  }

  /** Leading whitespace of the line a node starts on. */
  indentAt(target: Range): string {
    const lineStart = this.source.lastIndexOf('\n', rangeOf(target).start - 1) + 1;
    return /^[ \t]*/.exec(this.source.slice(lineStart, lineStart + 200))![0];
  }

  replace(target: Range, text: string): void {
    const { start, end } = rangeOf(target);
    if (this.source.slice(start, end) === text) return;
    if (start === end) return this.insertBefore(target, text);
    this.list.push({ kind: 'replace', start, end, text, transform: this.transform });
  }

  remove(target: Range): void {
    const { start, end } = rangeOf(target);
    if (start < end) this.list.push({ kind: 'remove', start, end, text: '', transform: this.transform });
  }

  /** Text right before a node (it stays in front of it even when another edit replaces the node). */
  insertBefore(target: Range, text: string): void {
    const { start } = rangeOf(target);
    this.list.push({ kind: 'insert', start, end: start, text, side: 'left', transform: this.transform });
  }

  /** Text right after a node. */
  insertAfter(target: Range, text: string): void {
    const { end } = rangeOf(target);
    this.list.push({ kind: 'insert', start: end, end, text, side: 'right', transform: this.transform });
  }

  /** A statement of its own line above `statement`, indented like it (each line of `code`). */
  insertStatementBefore(statement: Range, code: string): void {
    const indent = this.indentAt(statement);
    this.insertBefore(statement, `${indented(code, indent)}\n${indent}`);
  }

  /** A statement of its own line below `statement`, indented like it (after a comment that ends the statement's line). */
  insertStatementAfter(statement: Range, code: string): void {
    const indent = this.indentAt(statement);
    const at = afterStatementOffset(this.source, rangeOf(statement));
    this.insertAfter({ start: at, end: at }, `\n${indent}${indented(code, indent)}`);
  }
}

const same = (a: Edit, b: Edit) => a.kind === b.kind && a.start === b.start && a.end === b.end && a.text === b.text && a.side === b.side;

/**
 * The edits without repeats: babel gives `import {x}` and `{ x }` two nodes over one range, so a
 * transform that rewrites each node asks for the same replacement twice (and two transforms may
 * agree on one). Inserts at one place are never repeats: each adds its text.
 */
function distinct(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) if (e.kind === 'insert' || !out.some((o) => same(o, e))) out.push(e);
  return out;
}

/** Two edits that cannot both apply: their ranges overlap, or one inserts inside the other's range. */
function clash(a: Edit, b: Edit): boolean {
  if (a.kind === 'insert' && b.kind === 'insert') return false;
  if (a.kind === 'insert') return b.start < a.start && a.start < b.end;
  if (b.kind === 'insert') return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export interface Overlap {
  earlier: Edit;
  later: Edit;
}

/**
 * Pairs of edits that clash, the earlier one first by transform order (`order` lists transform
 * names in the order they ran). Edits of one transform never clash with each other: that is a bug in
 * the transform, thrown as an error.
 */
export function overlaps(edits: readonly Edit[], order: readonly string[]): Overlap[] {
  const sorted = distinct(edits).sort((a, b) => a.start - b.start || a.end - b.end);
  const found: Overlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let k = i + 1; k < sorted.length && sorted[k].start < Math.max(sorted[i].end, sorted[i].start + 1); k++) {
      const [a, b] = [sorted[i], sorted[k]];
      if (!clash(a, b)) continue;
      if (a.transform === b.transform) throw new Error(`${a.transform} made two overlapping edits at offsets ${a.start}-${a.end} and ${b.start}-${b.end}`);
      found.push(order.indexOf(a.transform) < order.indexOf(b.transform) ? { earlier: a, later: b } : { earlier: b, later: a });
    }
  }
  return found;
}

/** The source with the edits applied (they must not clash); byte-identical outside their ranges. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source;
  const s = new MagicString(source);
  // magic-string drops text inserted next to a range that is overwritten or removed afterwards, so
  // ranges go first and insertions after them, each group in the order it was asked for.
  const unique = distinct(edits);
  const ordered = [...unique.filter((e) => e.kind !== 'insert'), ...unique.filter((e) => e.kind === 'insert')];
  for (const e of ordered) {
    if (e.kind === 'replace') s.overwrite(e.start, e.end, e.text);
    else if (e.kind === 'remove') s.remove(e.start, e.end);
    else if (e.side === 'right') s.appendRight(e.start, e.text);
    else s.appendLeft(e.start, e.text);
  }
  return s.toString();
}
