import type { CodeStyle } from '../../src/ast/style';
import type { MetaEntry } from './meta';

/** One argument of the new logger call: source text, or a meta object built entry by entry. */
export type LoggerArg = { text: string } | { meta: MetaEntry[] };

let split: { source: string; lines: string[] } = { source: '', lines: [''] };

/** The file's lines, split once per file rather than once per call. */
function linesOf(source: string): string[] {
  if (split.source !== source) split = { source, lines: source.split('\n') };
  return split.lines;
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** Whether meta entries came from more than one source line: then each keeps a line of its own. */
function spansLines(entries: MetaEntry[]): boolean {
  return new Set(entries.map((e) => e.line).filter((l) => l > 0)).size > 1;
}

/** An object literal argument written with its properties below its `{`: its entries keep a line each, even one entry. */
function hasOpenObject(call: any): boolean {
  return (call.arguments ?? []).some((a: any) => a?.type === 'ObjectExpression' && a.properties.length > 0 && a.properties[0].loc?.start.line > a.loc?.start.line);
}

/**
 * The text of the logger call, laid out as the console call was: a call whose arguments stood one
 * per line keeps them one per line, and meta entries whose values stood on separate lines keep a
 * line each, so the diff shows only what changed. The text replaces the call's range in the file, so
 * continuation lines carry the indentation they had (argument texts are the original text).
 */
export function renderCall(callee: string, args: LoggerArg[], call: any, source: string, style: CodeStyle): string {
  const lines = linesOf(source);
  const startLine = call.loc?.start.line ?? 0;
  const first = call.arguments[0];
  const endLine = call.loc?.end.line ?? startLine;
  const broken = !!first?.loc && first.loc.start.line > (call.callee.loc?.end.line ?? startLine);
  let comma = style.trailingComma ? ',' : '';
  const ownLines = (meta: MetaEntry[]) => spansLines(meta) || hasOpenObject(call);

  if (broken) {
    const argIndent = indentOf(lines[first.loc.start.line - 1]);
    const closeIndent = indentOf(lines[endLine - 1]);
    const last = call.arguments[call.arguments.length - 1];
    const between = source.slice(last.end ?? 0, call.end ?? 0);
    const trailing = /^\s*,/.test(between) ? ',' : '';
    comma = trailing;
    const rendered = args.map((a) => {
      if ('text' in a) return `${argIndent}${a.text}`;
      if (!ownLines(a.meta)) return `${argIndent}${flat(a.meta)}`;
      const inner = `${argIndent}${style.indent}`;
      return `${argIndent}{\n${a.meta.map((e) => `${inner}${e.text},`).join('\n').replace(/,$/, comma)}\n${argIndent}}`;
    });
    return `${callee}(\n${rendered.join(',\n')}${trailing}\n${closeIndent})`;
  }

  const metaArg = args.find((a): a is { meta: MetaEntry[] } => 'meta' in a);
  if (endLine > startLine && metaArg && ownLines(metaArg.meta)) {
    // `console.log('msg', {` … `})`: the object's entries keep their lines, wherever the meta goes.
    const firstEntry = metaArg.meta.find((e) => e.line > startLine);
    const inner = firstEntry ? indentOf(lines[firstEntry.line - 1]) : indentOf(lines[startLine - 1]) + style.indent;
    // `items);` ends the call on an argument's line: the object closes where the call's line starts.
    const closesAlone = /^[ \t]*[)}\]]/.test(lines[endLine - 1]);
    const closeIndent = indentOf(lines[(closesAlone ? endLine : startLine) - 1]);
    const body = metaArg.meta.map((e) => `${inner}${e.text},`).join('\n').replace(/,$/, comma);
    const shown = args.map((a) => (a === metaArg ? `{\n${body}\n${closeIndent}}` : 'text' in a ? a.text : flat(a.meta)));
    return `${callee}(${shown.join(', ')})`;
  }
  const shown = args.map((a) => ('text' in a ? a.text : flat(a.meta)));
  const hang = hangingIndent(call, lines);
  // `console.error(err,` / `  'while saving')`: the arguments after the first keep a line each.
  if (hang !== null && shown.length > 1) return `${callee}(${shown.join(`,\n${hang}`)})`;
  return `${callee}(${shown.join(', ')})`;
}

/** The indentation of the arguments of a call whose first argument hugs the `(` and whose next ones start lines of their own. */
function hangingIndent(call: any, lines: string[]): string | null {
  const args: any[] = call.arguments ?? [];
  for (let i = 1; i < args.length; i++) {
    const line = args[i].loc?.start.line ?? 0;
    if (line > (args[i - 1].loc?.end.line ?? line)) return indentOf(lines[line - 1]);
  }
  return null;
}

function flat(entries: MetaEntry[]): string {
  return entries.length === 0 ? '{}' : `{ ${entries.map((e) => e.text).join(', ')} }`;
}
