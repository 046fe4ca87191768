import type { SourceEdits } from '../../src/engine/edits';
import { quoteString } from '../../src/ast/style';
import { HOLE, rewriteNestPath, rewriteRegexSource, rewriteUrl, type PathPair } from './paths';

/**
 * Path literals (strings, template literals, regular expressions) read and rewritten as edits on
 * their own text: a string keeps its quotes, a template only its changed quasis, so nothing around
 * them is reprinted.
 */

export type Mode = 'url' | 'nest';

/** A literal that holds a path: a string, a template literal or a regular expression. */
export function isLiteralNode(node: any): boolean {
  return node && (node.type === 'StringLiteral' || node.type === 'TemplateLiteral' || node.type === 'RegExpLiteral');
}

export function templateText(node: any, key: 'raw' | 'cooked'): string {
  return node.quasis.map((q: any) => q.value[key]).join(HOLE);
}

/** Whether no quasi of a template has an escape (its raw text is its value). */
function plainTemplate(node: any): boolean {
  return node.quasis.every((q: any) => q.value.cooked === q.value.raw);
}

/** The rewrite a literal would get, without applying it. */
export function preview(node: any, pair: PathPair, mode: Mode): { count: number; before: string; after: string } {
  const rw = (s: string) => (mode === 'nest' ? rewriteNestPath(s, pair) : rewriteUrl(s, pair));
  if (node.type === 'StringLiteral') {
    const r = rw(node.value);
    return { count: r.count, before: node.value, after: r.text };
  }
  if (node.type === 'TemplateLiteral') {
    const raw = templateText(node, 'raw');
    const r = rw(raw);
    return { count: plainTemplate(node) ? r.count : 0, before: raw, after: r.text };
  }
  if (node.type === 'RegExpLiteral') {
    const r = rewriteRegexSource(node.pattern, pair);
    return { count: r.count, before: `/${node.pattern}/`, after: `/${r.text}/` };
  }
  return { count: 0, before: '', after: '' };
}

/**
 * A string literal's new text in the quotes it was written with. Its own escapes stay when it has
 * none the value depends on; otherwise the value is written out again in those quotes.
 */
export function stringLiteralText(edit: SourceEdits, node: any, value: string): string {
  const raw = edit.textOf(node);
  const q = raw[0];
  if (raw.slice(1, -1) === node.value && !value.includes(q) && !/[\\\n\r]/.test(value)) return q + value + q;
  return quoteString(value, { quote: q === '"' ? 'double' : 'single' });
}

/** Replaces each quasi of a plain template whose text changes; `parts` are the new raw quasis. */
function replaceQuasis(edit: SourceEdits, node: any, parts: string[]): void {
  node.quasis.forEach((q: any, i: number) => {
    if (parts[i] !== q.value.raw) edit.replace(q, parts[i]);
  });
}

/** Rewrites a literal's path as an edit on its own range; returns the rewrites made. */
export function rewriteLiteral(edit: SourceEdits, node: any, pair: PathPair, mode: Mode): number {
  const p = preview(node, pair, mode);
  if (p.count === 0) return 0;
  if (node.type === 'StringLiteral') edit.replace(node, stringLiteralText(edit, node, p.after));
  else if (node.type === 'TemplateLiteral') replaceQuasis(edit, node, p.after.split(HOLE));
  else edit.replace(node, `/${p.after.slice(1, -1)}/${node.flags ?? ''}`);
  return p.count;
}

/**
 * Rewrites the old path in a test title where a path or URL stands as a word: `GET /healthz
 * returns 200`, `GET /api/v1/healthz`, `(http://localhost/healthz)`.
 */
export function rewriteTitle(edit: SourceEdits, node: any, pair: PathPair): number {
  let count = 0;
  const swap = (s: string) =>
    s.replace(/(^|[\s(`'"])((?:[a-z][a-z0-9+.-]*:\/\/[^\s/'"`()]*)?\/[^\s'"`()]*)/gi, (_m, lead: string, word: string) => {
      const r = rewriteUrl(word, pair);
      count += r.count;
      return lead + r.text;
    });
  if (node.type === 'StringLiteral') {
    const v = swap(node.value);
    if (count) edit.replace(node, stringLiteralText(edit, node, v));
  } else if (node.type === 'TemplateLiteral' && plainTemplate(node)) {
    replaceQuasis(
      edit,
      node,
      node.quasis.map((q: any) => swap(q.value.raw)),
    );
  }
  return count;
}
