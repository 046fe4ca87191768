import type { Edit, Range, SourceEdits } from '../engine/edits';

/**
 * Removing code as edits on the original text, so the result reads as if written by hand: an item
 * of a comma list goes with its comma (and with its line when it had one to itself), a statement
 * with its lines and the blank line that set it off.
 */

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset after the spaces, tabs and comments that follow `offset` on its line. */
function afterSameLine(source: string, offset: number): number {
  const rest = /^(?:[ \t]+|\/\*(?:(?!\*\/)[^\n])*\*\/|\/\/[^\n]*)*/.exec(source.slice(offset))![0];
  return offset + rest.length;
}

const blank = (line: string) => line.trim() === '';

/** Leading comments of a node that start a line of their own (a comment after the previous code on its line is that code's). */
export function ownLineLeadingComments(source: string, node: any): any[] {
  return (node.leadingComments ?? []).filter((c: any) => source.slice(lineStart(source, c.start), c.start).trim() === '');
}

/**
 * Removes a statement. On lines of its own, the lines go (with its same-line comment, and with
 * `withComments` its own-line comments above it), and one blank line next to it (the one below,
 * else the one above) so no double gap is left; inside a line only the statement and the spaces
 * after it go.
 */
export function removeStatement(edit: SourceEdits, statement: any, withComments = false): void {
  const source = edit.source;
  const first = (withComments && ownLineLeadingComments(source, statement)[0]) || statement;
  const start = lineStart(source, first.start);
  const end = afterSameLine(source, statement.end);
  const ownLines = blank(source.slice(start, first.start)) && (end === source.length || source[end] === '\n');
  if (!ownLines) {
    // Last on its line: the spaces before it go, so no trailing blanks are left.
    const last = end === source.length || source[end] === '\n';
    const before = last ? /[ \t]*$/.exec(source.slice(0, statement.start))![0].length : 0;
    edit.remove({ start: statement.start - before, end: last ? statement.end : end });
    return;
  }
  let from = start;
  let to = Math.min(end + 1, source.length);
  // The lines around: a gap on both sides keeps one; a gap left above a closing brace or the end
  // of the file, or below an opening one or the start of the file, goes with the statement.
  const nextEnd = source.indexOf('\n', to);
  const next = to < source.length ? source.slice(to, nextEnd < 0 ? source.length : nextEnd) : null;
  const prevStart = from > 0 ? lineStart(source, from - 1) : -1;
  const prev = prevStart >= 0 ? source.slice(prevStart, from - 1) : null;
  if (next !== null && blank(next) && nextEnd >= 0 && (prev === null || blank(prev) || /[{[(]\s*$/.test(prev))) to = nextEnd + 1;
  else if (prev !== null && blank(prev) && (next === null || /^[ \t]*[}\])]/.test(next))) from = prevStart;
  edit.remove({ start: from, end: to });
}

/**
 * Removes the items at `indexes` from a comma-separated list (`items` are its nodes, in order):
 * each run of removed items goes with the comma after it, or, at the end of the list, with the
 * comma before it (a trailing comma stays); items on lines of their own go with their lines.
 * The caller removes the whole list's holder when every item goes.
 */
export function removeListItems(edit: SourceEdits, items: readonly Range[], indexes: readonly number[]): void {
  const source = edit.source;
  const gone = new Set(indexes);
  const ownLines = indexes.every((i) => {
    const item = items[i];
    const end = afterSameLine(source, source[afterSameLine(source, item.end)] === ',' ? afterSameLine(source, item.end) + 1 : item.end);
    return blank(source.slice(lineStart(source, item.start), item.start)) && source[end] === '\n';
  });
  for (let i = 0; i < items.length; i++) {
    if (!gone.has(i)) continue;
    let k = i;
    while (gone.has(k + 1)) k++;
    if (ownLines) {
      const afterLast = afterSameLine(source, items[k].end);
      const end = afterSameLine(source, source[afterLast] === ',' ? afterLast + 1 : afterLast);
      edit.remove({ start: lineStart(source, items[i].start), end: end + 1 });
    } else if (k + 1 < items.length) edit.remove({ start: items[i].start, end: items[k + 1].start });
    else if (i > 0) edit.remove({ start: items[i - 1].end, end: items[k].end });
    else edit.remove({ start: items[i].start, end: items[k].end });
    i = k;
  }
}

const inside = (node: Range, r: Range) => r.start <= node.start && node.end <= r.end && r.start < r.end;

/** Whether a node of the original tree is still there once `edits` apply (no replaced or removed range covers it). */
export function survives(edits: readonly Edit[], node: Range): boolean {
  return !edits.some((e) => e.kind !== 'insert' && inside(node, e));
}

/** How often `name` stands as a word in the text the edits write (not as a member `.name`): uses new code makes. */
export function mentionsIn(edits: readonly Edit[], name: string): number {
  const word = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  return edits.reduce((n, e) => n + (e.text.match(word)?.length ?? 0), 0);
}
