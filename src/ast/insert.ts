import * as recast from 'recast';
import type { JSCodeshift } from 'jscodeshift';
import type { CodeStyle } from './style';

/**
 * Inserting a statement changes the length of a statement list, and recast then reprints the whole
 * list: blank lines after directives, empty statements (`};`) and trailing spaces of untouched lines
 * are lost, and spacing around the new line follows recast's rules, not the author's.
 *
 * So transforms insert into the tree as usual (later transforms see the new statements), and before
 * printing the engine takes each run of inserted statements out again, prints it on its own, and
 * leaves a marker comment on an untouched neighbour; after printing the marker becomes the text.
 * recast then reprints only that neighbour's comments, and every other byte stays as it was.
 */
export const INSERT_MARK = '__shipshape_insert_';

interface Insertion {
  node: any;
  body: any[];
  attach: 'after' | 'before';
  top: boolean;
  spaced: boolean | undefined;
}

let pending: Insertion[] = [];

/**
 * Inserts `node` into a statement list at `index`. `attach` says which neighbour it belongs with:
 * 'after' the previous statement (an import after the imports, app.use after `const app = ...`) or
 * 'before' the next one (app.use before the first route). `top` puts it below a file-header comment
 * of the next statement rather than above it. `spaced` sets the statement off by a blank line from
 * the neighbour it belongs with; by default a statement of several lines is, a one-liner is not.
 */
export function insertStatement(
  _j: JSCodeshift,
  body: any[],
  index: number,
  node: any,
  attach: 'after' | 'before',
  opts: { top?: boolean; spaced?: boolean } = {},
): void {
  body.splice(index, 0, node);
  pending.push({ node, body, attach, top: !!opts.top, spaced: opts.spaced });
}

/** Forgets insertions of an earlier file (the engine calls it before each file). */
export function resetInsertions(): void {
  pending = [];
}

export interface InsertedText {
  text: string;
  /** Set off by a blank line from the neighbour it is anchored on. */
  spaced: boolean;
  /** Indentation of the neighbour, so the text lines up with it. */
  indent: string | null;
}

function indentOf(node: any, source: string, fileLines: unknown): string | null {
  const line = node?.loc?.start?.line;
  // Only a node of this file has a line in `source` (text-built nodes carry their snippet's lines).
  if (!line || node.loc.lines !== fileLines) return null;
  const start = source.split('\n', line)[line - 1] ?? '';
  return /^[ \t]*/.exec(start)![0];
}

/** Leading comments of a program's first statement that form the file header (start on line 1). */
function headerCount(comments: any[], stmt: any): number {
  if (!comments.length || comments[0].loc?.start.line !== 1) return 0;
  let n = comments.filter((c) => c.leading !== false && c.trailing !== true).length;
  const last = comments[n - 1];
  // A doc comment right above the statement documents it, not the file.
  if (n > 0 && last.type === 'CommentBlock' && last.value.startsWith('*') && last.loc && stmt.loc && last.loc.end.line >= stmt.loc.start.line - 1) n--;
  return n;
}

/**
 * Whether recast reprints a statement exactly when only its comments change. It regenerates the
 * statement's own tokens (keeping its children's text), which is harmless for these; a multi-line
 * import or function head would be re-laid out, so those are never anchors.
 */
function isSafeAnchor(node: any): boolean {
  const oneLine = (a: any, b: any) => a?.loc && b?.loc && a.loc.start.line === b.loc.start.line;
  switch (node?.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'VariableDeclaration':
      return node.declarations.length === 1;
    case 'ImportDeclaration':
      return node.loc && node.loc.start.line === node.loc.end.line;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      // The head (name, parameters, heritage) is regenerated; on one line it comes out the same.
      return !node.decorators?.length && oneLine(node, node.body);
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      return !!node.declaration && !node.specifiers?.length && oneLine(node, node.declaration) && isSafeAnchor(node.declaration);
    default:
      return false;
  }
}

/** A statement built from text keeps its snippet's location; recast would glue it to its neighbour. */
function asNewStatement(node: any): void {
  node.loc = null;
  node.original = undefined;
}

/**
 * Takes every run of statements inserted since resetInsertions() out of its list again and anchors
 * it on an untouched neighbour as a marker comment; returns the text for each marker id. A run with
 * no safe neighbour stays a real insertion (recast then reprints that one list).
 */
export function detachInsertions(j: JSCodeshift, root: any, source: string, style: CodeStyle): Map<string, InsertedText> {
  const fileLines = root.get().node.loc?.lines;
  const texts = new Map<string, InsertedText>();
  const byBody = new Map<any[], Insertion[]>();
  for (const ins of pending) {
    if (!ins.body.includes(ins.node)) continue;
    byBody.set(ins.body, [...(byBody.get(ins.body) ?? []), ins]);
  }
  pending = [];
  const print = (node: any) =>
    recast.print(node, { quote: style.quote, tabWidth: style.tabWidth, useTabs: style.useTabs, trailingComma: style.trailingComma, lineTerminator: '\n' } as any).code;
  for (const [body, list] of byBody) {
    const inserted = new Map(list.map((i) => [i.node, i]));
    for (let start = 0; start < body.length; start++) {
      if (!inserted.has(body[start])) continue;
      let end = start;
      while (end + 1 < body.length && inserted.has(body[end + 1])) end++;
      const prev = start > 0 ? body[start - 1] : null;
      const next = end + 1 < body.length ? body[end + 1] : null;
      const first = inserted.get(body[start])!;
      const preferNext = first.attach === 'before' || first.top;
      const candidates = preferNext ? [next, prev] : [prev, next];
      const anchor = candidates.find((n) => n && isSafeAnchor(n) && n.loc?.lines === fileLines);
      if (!anchor || (first.top && anchor !== next)) {
        for (const node of body.slice(start, end + 1)) asNewStatement(node);
        // recast prints a real insertion above the next statement's comments, so a file header
        // (a `#!` line, a licence) would end up below the new code: it moves to the new statement.
        if (first.top && next) {
          const comments = next.comments ?? [];
          const header = headerCount(comments, next);
          if (header > 0) {
            body[start].comments = [...comments.slice(0, header), ...(body[start].comments ?? [])];
            next.comments = comments.slice(header);
          }
        }
        start = end;
        continue;
      }
      const id = `${INSERT_MARK}${texts.size}_${first.attach === 'after' ? 'a' : 'b'}__`;
      const run = body.slice(start, end + 1);
      const printed = run.map(print);
      // Within a run, statements of several lines get a blank line around them, as recast would print them.
      const text = printed.reduce((acc, t, k) => (k === 0 ? t : `${acc}\n${t.includes('\n') || printed[k - 1].includes('\n') ? '\n' : ''}${t}`), '');
      texts.set(id, { text, spaced: first.spaced ?? printed.some((t) => t.includes('\n')), indent: indentOf(anchor, source, fileLines) });
      if (anchor === prev) {
        prev.comments = [...(prev.comments ?? []), j.commentLine(id, false, true)];
      } else {
        const comments = next.comments ?? [];
        const at = first.top ? headerCount(comments, next) : 0;
        next.comments = [...comments.slice(0, at), j.commentLine(id, true, false), ...comments.slice(at)];
      }
      body.splice(start, run.length);
      start--;
    }
  }
  return texts;
}

const MARKER = new RegExp(`[ \\t]*//(${INSERT_MARK}\\d+_([ab])__)`);

/**
 * Replaces each marker with its statements, indented like the anchor. An 'after' run goes right
 * below the statement before the insertion point, a 'before' run right above the statement after
 * it, whichever neighbour carries the marker; `spaced` runs are set off by a blank line.
 */
export function attachInsertions(output: string, texts: Map<string, InsertedText>): string {
  if (texts.size === 0) return output;
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (!m) continue;
    const entry = texts.get(m[1]);
    if (!entry) continue;
    texts.delete(m[1]);
    const after = m[2] === 'a';
    const ownLine = lines[i].slice(0, m.index).trim() === '';
    const indent = entry.indent ?? /^[ \t]*/.exec(lines[i])![0];
    const body = entry.text.split('\n').map((l) => (l.trim() === '' ? '' : indent + l));
    // Take the marker out; `at` is then the line the text goes before.
    let at: number;
    if (ownLine) {
      lines.splice(i, 1);
      at = i;
      if (after) while (at > 0 && lines[at - 1].trim() === '') at--;
    } else {
      lines[i] = lines[i].slice(0, m.index) + lines[i].slice(m.index + m[0].length);
      at = i + 1;
      if (!after) while (at < lines.length && lines[at].trim() === '') at++;
    }
    const block = entry.spaced ? (after ? ['', ...body] : [...body, '']) : body;
    lines.splice(at, 0, ...block);
    i = -1;
  }
  if (texts.size > 0) throw new Error(`inserted statements were not placed (${[...texts.keys()].join(', ')})`);
  return lines.join('\n');
}
