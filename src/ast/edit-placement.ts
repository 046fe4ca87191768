import path from 'node:path';
import type { AstContext } from '../types';
import { parserFor } from '../engine/parser';
import { afterStatementOffset, indented, lineEndOf } from '../engine/edits';
import { placementIndex } from './placement';

/**
 * New statements as edits on the original text (for transforms with `ast.edits`), placed by the
 * same rules as insertPlaced (src/ast/placement.ts: below a must-run-first preamble, below every
 * declaration the statement uses) and laid out as the tree-based engine lays out an inserted
 * statement (src/ast/insert.ts): on its own line next to the neighbour it belongs with, indented like
 * it, below a file header, set off by a blank line when it spans several lines.
 */

export interface PlaceOptions {
  /** Below a file-header comment of the next statement rather than above it. */
  top?: boolean;
  /** Set off by a blank line from its neighbour (default: when the code spans several lines). */
  spaced?: boolean;
  /** `body` is a program's body: the preamble rule applies. */
  program?: boolean;
  /** The Program or block that owns `body`, needed only when `body` is empty. */
  block?: any;
}

/**
 * Statements already parsed, by kind of file and code: placement only reads their names, and a run
 * adds the same import or handler line to file after file.
 */
const parsedStatements = new Map<string, any>();

/** The statement's code as a tree, for the names it reads (parsed without tokens: only identifiers matter). */
function parsedStatement(file: string, code: string): any {
  const key = `${path.extname(file).toLowerCase()}\0${code}`;
  let parsed = parsedStatements.get(key);
  if (parsed === undefined) {
    if (parsedStatements.size >= 500) parsedStatements.clear();
    parsedStatements.set(key, (parsed = parseStatement(file, code)));
  }
  return parsed;
}

function parseStatement(file: string, code: string): any {
  try {
    return parserFor(file).check(code).program;
  } catch {
    // Code that needs its surroundings to parse (`this.#x`, `super`): every identifier-like word
    // counts as read, which can only place it lower.
    return { type: 'Program', body: [...new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? [])].map((name) => ({ type: 'Identifier', name })) };
  }
}

const lineStartOf = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;

const indentOf = (source: string, offset: number) => /^[ \t]*/.exec(source.slice(lineStartOf(source, offset), offset))![0];

/** Leading comments of `stmt` that start their own line (a comment after the previous statement on its line belongs to it). */
function ownLineComments(source: string, stmt: any): any[] {
  return (stmt.leadingComments ?? []).filter((c: any) => source.slice(lineStartOf(source, c.start), c.start).trim() === '');
}

/**
 * How many of a program's first statement's leading comments form the file header: all of them
 * when the file starts with them (or with a `#!` line), but a doc comment right above the statement
 * documents it, not the file. The same rule as headerCount in src/ast/insert.ts.
 */
function headerCount(source: string, comments: any[], stmt: any): number {
  if (!comments.length) return 0;
  const belowShebang = source.startsWith('#!') && source.slice(lineEndOf(source, 0), comments[0].start).trim() === '';
  if (comments[0].loc?.start.line !== 1 && !belowShebang) return 0;
  let n = comments.length;
  const last = comments[n - 1];
  if (last.type === 'CommentBlock' && last.value.startsWith('*') && last.loc.end.line >= stmt.loc.start.line - 1) n--;
  return n;
}

/** Inserts `code` on its own line below `stmt`, indented like it. */
export function insertLineAfter(ctx: AstContext, stmt: any, code: string, spaced = false): void {
  const indent = indentOf(ctx.source, stmt.start);
  const at = afterStatementOffset(ctx.source, stmt);
  // Code after the statement on its line (`;[1, 2].forEach(...)` ending the line above it in a file
  // without semicolons) stays on a line of its own, after a `;`: glued to the new code it would
  // continue it (`app.use(x)[1, 2]`).
  const rest = at < lineEndOf(ctx.source, at) ? `${/;\s*$/.test(code) ? '' : ';'}\n${indent}` : '';
  ctx.edit!.insertAfter({ start: at, end: at }, `\n${spaced ? '\n' : ''}${indent}${indented(code, indent)}${rest}`);
}

/**
 * Inserts `code` on its own line above `stmt` and its own-line leading comments, or, with `skip`,
 * above the comments after the first `skip` (a file header stays on top, with the blank line below it).
 */
function insertLineBefore(ctx: AstContext, stmt: any, code: string, spaced: boolean, skip = 0): void {
  const indent = indentOf(ctx.source, stmt.start);
  const first = ownLineComments(ctx.source, stmt)[skip] ?? stmt;
  ctx.edit!.insertBefore({ start: first.start, end: first.start }, `${indented(code, indent)}\n${spaced ? '\n' : ''}${indent}`);
}

/** Inserts `code` into an empty Program or block: below a `#!` line and directives, or between the braces. */
function insertIntoEmpty(ctx: AstContext, block: any, code: string): void {
  if (!block) throw new Error('insertPlacedEdit: an empty statement list needs its block (opts.block)');
  const last = block.directives?.length ? block.directives[block.directives.length - 1] : null;
  if (last) return insertLineAfter(ctx, last, code);
  if (block.type === 'Program') {
    // Below whatever the file holds (a `#!` line, comments), on a line of its own.
    const at = ctx.source.length;
    const gap = at > 0 && !ctx.source.endsWith('\n') ? '\n' : '';
    ctx.edit!.insertAfter({ start: at, end: at }, `${gap}${code}\n`);
    return;
  }
  // `{}` or `{ }`: the code goes on its own line, one level deeper than the line of the brace.
  const indent = indentOf(ctx.source, block.start);
  const inner = indent + ctx.style.indent;
  ctx.edit!.replace({ start: block.start + 1, end: block.end - 1 }, `\n${inner}${indented(code, inner)}\n${indent}`);
}

/**
 * Inserts the statement `code` into `body` at the first index from `index` on that respects both
 * placement rules, as an edit. `attach` says which neighbour it belongs with: 'after' the previous
 * statement or 'before' the next; moved down, it follows the statement it now comes after. Returns
 * the index used (in the original list: the tree is not changed).
 */
export function insertPlacedEdit(ctx: AstContext, body: any[], index: number, code: string, attach: 'after' | 'before', opts: PlaceOptions = {}): number {
  const at = placementIndex(body, index, parsedStatement(ctx.path, code), { program: opts.program });
  const side = at === index ? attach : 'after';
  const after = (side === 'after' && at > 0) || at === body.length;
  // A blank line when the new statement spans several lines, or follows one that does (as recast laid it out).
  // Only the first of several lines added below one statement is set off from it.
  const previous = after && at > 0 ? body[at - 1] : null;
  const firstBelow = !!previous && !ctx.edit!.list.some((e) => e.kind === 'insert' && e.start === afterStatementOffset(ctx.source, previous));
  const spaced = opts.spaced ?? (code.includes('\n') || (firstBelow && ctx.source.slice(previous.start, previous.end).includes('\n')));
  if (body.length === 0) insertIntoEmpty(ctx, opts.block, code);
  else if (after) insertLineAfter(ctx, body[at - 1], code, spaced);
  else {
    const next = body[at];
    const top = opts.top && at === index && opts.program && at === 0;
    const header = top ? headerCount(ctx.source, ownLineComments(ctx.source, next), next) : 0;
    const directive = opts.block?.directives?.[opts.block.directives.length - 1];
    // At the top of a program with directives: right below them, as a new import goes.
    if (top && header === 0 && directive) insertLineAfter(ctx, directive, code, spaced);
    else insertLineBefore(ctx, next, code, spaced, header);
  }
  return at;
}
