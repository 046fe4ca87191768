/**
 * Removes elements from an array literal by editing its text, since a transports list is usually
 * one transport a line with comments in between: edited by ranges of the file's text (whole lines
 * for elements on lines of their own), the array reads as if the element had never been written.
 */

interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface RemovedElement {
  /** 1-based line in the file. */
  line: number;
  /** Comments that were on or inside the removed element, as written. */
  comments: string[];
  /** The element had `handleExceptions: true` or `handleRejections: true`. */
  handlesExceptions?: boolean;
}

export interface PrunePlan {
  /** Whether an element (a node of the reparsed array, so compare by shape, not identity) goes. */
  isRemoved(node: any): boolean;
  /** Source of an element to leave when nothing else would be left (asked only then); null leaves the array empty. */
  filler(): string | null;
}

export interface PruneResult {
  /** The array's new text, or null when nothing was removed. */
  text: string | null;
  removed: RemovedElement[];
}

interface Pruned {
  edits: Edit[];
  removed: RemovedElement[];
  removedCount: number;
  remaining: number;
  /** Branch arrays of kept conditional spreads that lost every element. */
  emptied: any[];
  /** Every remaining element is a conditional spread: no unconditional element is left. */
  onlySpreads: boolean;
}

/**
 * Comments go with the element they describe; the report keeps what they said, since a comment on a
 * file transport often explains who reads the file (a dashboard, an audit).
 */
export function reportRemovedComments(manual: (line: number, message: string) => void, removed: RemovedElement[], what: string): void {
  for (const r of removed) {
    if (r.handlesExceptions) {
      manual(r.line, `removed ${what} that handled uncaught exceptions or rejections; set handleExceptions/handleRejections on the Console transport if the service relied on it`);
    }
    if (r.comments.length === 0) continue;
    const text = r.comments.map((c) => c.replace(/\s+/g, ' ').trim()).join(' ');
    manual(r.line, `removed ${what} that had a comment: ${text.length > 120 ? `${text.slice(0, 117)}...` : text}; check whether someone relied on that file`);
  }
}

function isNothing(node: any): boolean {
  return (
    (node.type === 'Identifier' && node.name === 'undefined') ||
    node.type === 'NullLiteral' ||
    (node.type === 'Literal' && node.value === null) ||
    ((node.type === 'BooleanLiteral' || node.type === 'Literal') && node.value === false)
  );
}

class ArrayEditor {
  private readonly comments: { start: number; end: number; text: string }[] = [];

  constructor(
    private readonly code: string,
    private readonly plan: PrunePlan,
    comments: readonly { start: number; end: number }[],
    arr: any,
  ) {
    for (const c of comments) if (c.start >= arr.start && c.end <= arr.end) this.comments.push({ start: c.start, end: c.end, text: code.slice(c.start, c.end) });
    this.comments.sort((a, b) => a.start - b.start);
  }

  private lineStart(pos: number): number {
    return this.code.lastIndexOf('\n', pos - 1) + 1;
  }

  private lineEnd(pos: number): number {
    const i = this.code.indexOf('\n', pos);
    return i < 0 ? this.code.length : i;
  }

  /** Skips spaces, tabs and comments on the same line. */
  private skip(pos: number): number {
    for (;;) {
      const ch = this.code[pos];
      if (ch === ' ' || ch === '\t') pos++;
      else {
        const c = this.comments.find((x) => x.start === pos);
        if (!c) return pos;
        pos = c.end;
      }
    }
  }

  private commentsIn(start: number, end: number): { start: number; end: number; text: string }[] {
    return this.comments.filter((c) => c.start >= start && c.end <= end);
  }

  private within(c: { start: number; end: number }, el: any): boolean {
    return c.start > el.start && c.end < el.end;
  }

  private apply(start: number, end: number, edits: Edit[]): string {
    let text = this.code.slice(start, end);
    for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      text = text.slice(0, e.start - start) + e.text + text.slice(e.end - start);
    }
    return text;
  }

  private decide(el: any): { kind: 'keep' | 'remove' } | { kind: 'replace'; text: string } | { kind: 'nested'; parts: Pruned[]; node: any } {
    if (!el) return { kind: 'keep' };
    if (this.plan.isRemoved(el)) return { kind: 'remove' };
    if (el.type === 'LogicalExpression' && el.operator === '&&' && this.plan.isRemoved(el.right)) return { kind: 'remove' };
    if (el.type === 'ConditionalExpression') {
      const c = this.plan.isRemoved(el.consequent);
      const a = this.plan.isRemoved(el.alternate);
      if (c && a) return { kind: 'remove' };
      if (c || a) {
        const other = c ? el.alternate : el.consequent;
        return isNothing(other) ? { kind: 'remove' } : { kind: 'replace', text: this.code.slice(other.start, other.end) };
      }
    }
    if (el.type === 'SpreadElement') {
      const arg = el.argument;
      const branches =
        arg.type === 'ConditionalExpression'
          ? [arg.consequent, arg.alternate]
          : arg.type === 'LogicalExpression' && arg.operator === '&&'
            ? [arg.right]
            : [];
      if (branches.length > 0 && branches.every((b) => b.type === 'ArrayExpression')) {
        const parts = branches.map((b) => this.prune(b));
        if (parts.every((p) => p.removedCount === 0)) return { kind: 'keep' };
        if (parts.every((p) => p.remaining === 0)) return { kind: 'remove' };
        return { kind: 'nested', parts, node: el };
      }
    }
    return { kind: 'keep' };
  }

  /** An element with its own-line comments above it and its same-line comment after it occupies whole lines. */
  private lineRange(arr: any, i: number): { start: number; end: number } | null {
    const el = arr.elements[i];
    const prevEnd = i > 0 ? arr.elements[i - 1].end : arr.start + 1;
    let start = el.start;
    for (const c of this.comments) {
      if (c.start >= prevEnd && c.end <= el.start && this.lineStart(c.start) > prevEnd) {
        start = Math.min(start, c.start);
      }
    }
    let end = this.skip(el.end);
    if (this.code[end] === ',') end = this.skip(end + 1);
    if (this.code[end] !== '\n' && end < this.code.length) return null;
    if (this.code.slice(this.lineStart(start), start).trim() !== '') return null;
    return { start: this.lineStart(start), end: end + 1 };
  }

  prune(arr: any): Pruned {
    const decisions = arr.elements.map((el: any) => this.decide(el));
    const result: Pruned = { edits: [], removed: [], removedCount: 0, remaining: 0, emptied: [], onlySpreads: true };
    arr.elements.forEach((el: any, i: number) => {
      const d = decisions[i];
      if (d.kind === 'remove') {
        result.removedCount++;
        if (el.type === 'SpreadElement') {
          // The spread goes with every element of its branches: report those as removed.
          for (const b of el.argument.type === 'ConditionalExpression' ? [el.argument.consequent, el.argument.alternate] : [el.argument.right]) {
            result.removed.push(...this.prune(b).removed);
          }
        } else {
          const handles = /\bhandle(?:Exceptions|Rejections)\s*:\s*true\b/.test(this.code.slice(el.start, el.end));
          result.removed.push({ line: el.loc.start.line, comments: [], handlesExceptions: handles });
        }
        return;
      }
      result.remaining++;
      if (!(el?.type === 'SpreadElement')) result.onlySpreads = false;
      if (d.kind === 'nested') {
        for (const part of d.parts) {
          result.edits.push(...part.edits);
          result.removed.push(...part.removed);
          result.removedCount += part.removedCount;
        }
        const branches = el.argument.type === 'ConditionalExpression' ? [el.argument.consequent, el.argument.alternate] : [el.argument.right];
        branches.forEach((b: any, k: number) => {
          if (d.parts[k].remaining === 0 && d.parts[k].removedCount > 0) result.emptied.push(b);
        });
      }
      if (d.kind === 'replace') {
        // `cond ? file : console` keeps its other branch: the file transport is what goes.
        result.edits.push({ start: el.start, end: el.end, text: d.text });
        result.removedCount++;
        result.removed.push({ line: el.loc.start.line, comments: [] });
      }
    });
    if (result.removedCount === 0) return result;

    const removedIdx = arr.elements.map((_: any, i: number) => i).filter((i: number) => decisions[i].kind === 'remove');
    const ranges = removedIdx.map((i: number) => this.lineRange(arr, i));
    const multiLine = this.code.slice(arr.start, arr.end).includes('\n');
    if (multiLine && ranges.every(Boolean) && result.remaining > 0) {
      removedIdx.forEach((i: number, k: number) => {
        const r = ranges[k]!;
        result.edits.push({ start: r.start, end: r.end, text: '' });
        this.attachComments(result.removed, arr.elements[i], r.start, r.end);
      });
      this.keepTrailingCommaStyle(arr, decisions, result);
      return result;
    }
    // One line (or an unusual layout): the array is written again, one element after another.
    const kept = arr.elements
      .map((el: any, i: number) => ({ el, d: decisions[i] }))
      .filter((x: any) => x.d.kind !== 'remove')
      .map((x: any) => (x.el ? this.apply(this.leadingStart(arr, x.el), x.el.end, result.edits.filter((e) => e.start >= x.el.start && e.end <= x.el.end)) : ''));
    removedIdx.forEach((i: number) => {
      const el = arr.elements[i];
      const prevEnd = i > 0 && arr.elements[i - 1] ? arr.elements[i - 1].end : arr.start + 1;
      const next = arr.elements[i + 1];
      const sameLineEnd = Math.min(next ? next.start : arr.end - 1, this.lineEnd(el.end));
      this.attachComments(result.removed, el, prevEnd, sameLineEnd);
    });
    const pad = /^\[[ \t]/.test(this.code.slice(arr.start, arr.end)) && kept.length > 0 ? ' ' : '';
    result.edits = [{ start: arr.start, end: arr.end, text: `[${pad}${kept.join(', ')}${pad}]` }];
    return result;
  }

  /** Where an element's own comments before it begin (after the previous element), to keep them with it. */
  private leadingStart(arr: any, el: any): number {
    const i = arr.elements.indexOf(el);
    const prevEnd = i > 0 && arr.elements[i - 1] ? arr.elements[i - 1].end : arr.start + 1;
    const first = this.comments.find((c) => c.start >= prevEnd && c.end <= el.start && this.code.slice(prevEnd, c.start).replace(/,/, '').trim() === '');
    return first && !this.code.slice(prevEnd, first.start).includes('\n') ? el.start : first ? first.start : el.start;
  }

  private attachComments(removed: RemovedElement[], el: any, start: number, end: number): void {
    // Comments inside the element describe its options (`maxsize: 5242880, // 5MB`): not worth a
    // report, unless a multi-line block comment holds code someone commented out.
    const comments = this.commentsIn(Math.min(start, el.start), Math.max(end, el.end)).filter(
      (c) => !this.within(c, el) || (c.text.startsWith('/*') && c.text.includes('\n')),
    );
    if (comments.length === 0) return;
    const line = el.loc.start.line;
    const texts = comments.map((c) => c.text);
    const entry = removed.find((r) => r.line === line);
    if (entry) entry.comments.push(...texts);
    else removed.push({ line, comments: texts });
  }

  /** Removing the last element of `[a, b]` written without a trailing comma must not leave `a,`. */
  private keepTrailingCommaStyle(arr: any, decisions: any[], result: Pruned): void {
    const last = arr.elements.length - 1;
    if (decisions[last].kind !== 'remove') return;
    const afterLast = this.skip(arr.elements[last].end);
    if (this.code[afterLast] === ',') return;
    for (let i = last; i >= 0; i--) {
      if (decisions[i].kind === 'remove') continue;
      const comma = this.skip(arr.elements[i].end);
      if (this.code[comma] === ',') result.edits.push({ start: comma, end: comma + 1, text: '' });
      return;
    }
  }

  /** The array with `filler` in place of everything, in its layout. */
  filled(arr: any, filler: string): Edit {
    const text = this.code.slice(arr.start, arr.end);
    if (!text.includes('\n')) return { start: arr.start, end: arr.end, text: `[${filler}]` };
    const first = arr.elements.find(Boolean);
    const indent = first ? /^[ \t]*/.exec(this.code.slice(this.lineStart(first.start)))![0] : '  ';
    const closeIndent = /^[ \t]*/.exec(this.code.slice(this.lineStart(arr.end - 1)))![0];
    const comma = first && this.code[this.skip(arr.elements[arr.elements.length - 1].end)] === ',' ? ',' : '';
    return { start: arr.start, end: arr.end, text: `[\n${indent}${filler}${comma}\n${closeIndent}]` };
  }

  textWith(start: number, end: number, edits: Edit[]): string {
    return this.apply(start, end, edits);
  }
}

/**
 * Removes the elements `plan.isRemoved` accepts from `arr`, also inside conditional spreads
 * (`...(prod ? [x] : [])` goes when both branches end up empty), `cond && x` and `cond ? x : y`
 * elements; puts `plan.filler` in when nothing unconditional would be left.
 */
export function pruneArray(source: string, comments: readonly { start: number; end: number }[], arr: any, plan: PrunePlan): PruneResult {
  const text = source.slice(arr.start, arr.end);
  const editor = new ArrayEditor(source, plan, comments, arr);
  const pruned = editor.prune(arr);
  if (pruned.removedCount === 0) return { text: null, removed: [] };
  let edits = pruned.edits;
  if (pruned.remaining === 0) {
    const filler = plan.filler();
    if (filler !== null) edits = [editor.filled(arr, filler)];
  } else if (pruned.onlySpreads && pruned.emptied.length > 0) {
    // `[...(prod ? [file] : [console])]` must not leave production without a transport.
    const filler = plan.filler();
    for (const branch of filler === null ? [] : pruned.emptied) {
      edits = edits.filter((e) => e.end <= branch.start || e.start >= branch.end);
      edits.push({ start: branch.start, end: branch.end, text: `[${filler}]` });
    }
  }
  let newText = editor.textWith(arr.start, arr.end, edits);
  // Lines removed between blank lines or before the closing bracket leave blank lines behind.
  if (!/\n[ \t]*\n[ \t]*\n/.test(text)) newText = newText.replace(/\n(?:[ \t]*\n){2,}/g, '\n\n');
  newText = newText.replace(/\n[ \t]*\n([ \t]*\])$/, '\n$1').replace(/^\[[ \t]*\n[ \t]*\n/, '[\n');
  return { text: newText, removed: pruned.removed };
}
