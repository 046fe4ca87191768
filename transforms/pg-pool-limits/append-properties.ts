function hasCommaOutsideComments(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').includes(',');
}

/**
 * The text of an object literal (`text`, whose last property ends at offset `lastEnd` of it, or null
 * without properties) with `entries` (`key: value` texts) added after its last property, in the
 * object's own layout: a one-line object stays on one line; a multi-line object gets one line per
 * entry at the indentation of its last property, with a trailing comma when the object had one.
 * `text` starts at the object's `{`, as the source has it (its first line's indentation is not part of it).
 */
export function withAppendedProperties(text: string, lastPropertyEnd: number | null, entries: string[], indent: string, firstLineIndent: string): string {
  const close = text.lastIndexOf('}');
  const last = lastPropertyEnd !== null;
  const lastEnd = last ? lastPropertyEnd : text.indexOf('{') + 1;
  const head = text.slice(0, lastEnd);
  const between = text.slice(lastEnd, close);
  if (!text.includes('\n')) {
    const rest = between.replace(/^\s*,/, '');
    const tail = !last && rest.trim() === '' ? ' ' : rest;
    return `${head}${last ? ',' : ''} ${entries.join(', ')}${tail}}`;
  }
  const hadComma = last && hasCommaOutsideComments(between);
  const lines = text.split('\n');
  const lastLineStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
  const lineIndent = (start: number) => (start === 0 ? firstLineIndent : /^[ \t]*/.exec(text.slice(start))![0]);
  const propIndent = last ? lineIndent(lastLineStart) : `${/^[ \t]*/.exec(lines[lines.length - 1])![0]}${indent}`;
  const closeLine = lines[lines.length - 1];
  const closeIndent = /^[ \t]*}/.test(closeLine) ? /^[ \t]*/.exec(closeLine)![0] : '';
  const trailing = hadComma || !last;
  const added = entries.map((e, i) => `\n${propIndent}${e}${i < entries.length - 1 || trailing ? ',' : ''}`).join('');
  const comma = last && !hadComma ? ',' : '';
  return `${head}${comma}${between.trimEnd()}${added}\n${closeIndent}}`;
}

/** A new multi-line object literal, one entry a line, indented one level relative to `lineIndent` (its first line's). */
export function objectText(entries: string[], indent: string, trailingComma: boolean, lineIndent: string): string {
  return `{\n${entries.map((e, i) => `${lineIndent}${indent}${e}${i < entries.length - 1 || trailingComma ? ',' : ''}\n`).join('')}${lineIndent}}`;
}
