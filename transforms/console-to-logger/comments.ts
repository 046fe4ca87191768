import type { SourceEdits } from '../../src/engine/edits';

/** The file's comments that lie inside `range` (a console call's callee and arguments), in source order. */
export function commentsWithin(comments: readonly any[], range: { start: number; end: number }): any[] {
  return comments.filter((c) => c.start >= range.start && c.end <= range.end);
}

/**
 * Comments inside a console call's callee and arguments, moved above the enclosing statement, each
 * on its own line: the call's text is rebuilt, where a `// comment` would swallow the code after it.
 * They go below the statement's own leading comments.
 */
export function moveCommentsAbove(edit: SourceEdits, statement: { start: number; end: number }, comments: readonly any[]): void {
  if (comments.length === 0) return;
  const indent = edit.indentAt(statement);
  edit.insertBefore(statement, comments.map((c) => `${edit.textOf(c)}\n${indent}`).join(''));
}
