import type { JSCodeshift } from 'jscodeshift';
import { sourceOf } from '../../src/ast/build';

const PREFIX = 'const __object = ';

/** The expression of a `const __object = <text>;` statement, parsed by the file's parser. */
export function expressionAsWritten(j: JSCodeshift, text: string): any {
  // Not expressionFromCode: it rewrites the parenthesised node's `extra`, and recast then reprints
  // the object generically, moving comments and dropping blank lines. A declarator's init stays as written.
  return j(`${PREFIX}${text};`).get().node.program.body[0].declarations[0].init;
}

function hasCommaOutsideComments(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').includes(',');
}

/**
 * `object` with `entries` (`key: value` texts) added after its last property, in the object's own
 * layout: a one-line object stays on one line; a multi-line object gets one line per entry at the
 * indentation of its last property, with a trailing comma when the object had one. Works on the
 * object's printed text (so changes other transforms made inside it are kept) and returns a new node
 * built from text, which recast prints as written.
 */
export function withAppendedProperties(j: JSCodeshift, object: any, entries: string[], indent: string): any {
  const text = sourceOf(j, object);
  const reparsed = expressionAsWritten(j, text);
  const close = text.lastIndexOf('}');
  const last = reparsed.properties[reparsed.properties.length - 1];
  const lastEnd = last ? last.end - PREFIX.length : text.indexOf('{') + 1;
  const head = text.slice(0, lastEnd);
  const between = text.slice(lastEnd, close);
  if (!text.includes('\n')) {
    const rest = between.replace(/^\s*,/, '');
    const tail = !last && rest.trim() === '' ? ' ' : rest;
    return expressionAsWritten(j, `${head}${last ? ',' : ''} ${entries.join(', ')}${tail}}`);
  }
  const hadComma = last !== undefined && hasCommaOutsideComments(between);
  const lines = text.split('\n');
  const lastLineStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
  const propIndent = last ? /^[ \t]*/.exec(text.slice(lastLineStart))![0] : `${/^[ \t]*/.exec(lines[lines.length - 1])![0]}${indent}`;
  const closeLine = lines[lines.length - 1];
  const closeIndent = /^[ \t]*}/.test(closeLine) ? /^[ \t]*/.exec(closeLine)![0] : '';
  const trailing = hadComma || last === undefined;
  const added = entries.map((e, i) => `\n${propIndent}${e}${i < entries.length - 1 || trailing ? ',' : ''}`).join('');
  const comma = last && !hadComma ? ',' : '';
  return expressionAsWritten(j, `${head}${comma}${between.trimEnd()}${added}\n${closeIndent}}`);
}

/** A new multi-line object literal, one entry a line, indented one level relative to its first line. */
export function objectText(entries: string[], indent: string, trailingComma: boolean): string {
  return `{\n${entries.map((e, i) => `${indent}${e}${i < entries.length - 1 || trailingComma ? ',' : ''}\n`).join('')}}`;
}
