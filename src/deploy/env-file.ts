import path from 'node:path';

/**
 * Env templates: committed files that document the variables a service reads. A real `.env` (or
 * `.env.local`, `.env.production`) is never one: it belongs to whoever runs the service.
 */
const TEMPLATE_NAMES = new Set(['env.template', '.env.example', '.env.sample', '.env.template']);

export function isEnvTemplate(relPath: string): boolean {
  const base = path.posix.basename(relPath);
  return TEMPLATE_NAMES.has(base) || /^[^/]+\.env\.example$/.test(base);
}

/** One `KEY=value` assignment of an env file, with where its value text is. */
export interface EnvEntry {
  key: string;
  /** The value as written between its quotes (escapes not processed), without an inline comment. */
  value: string;
  /** Offsets of the value text in the source: replacing [valueStart, valueEnd) keeps quotes and comments. */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '`' | '';
  /** 1-based line of the key. */
  line: number;
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

/**
 * The assignments of an env file as dotenv reads them: optional `export `, spaces around `=`,
 * single, double or backtick quotes (double and backtick quotes may span lines, as PEM keys do), and
 * for unquoted values a ` #` comment. Comment lines and anything else are skipped.
 */
export function parseEnvFile(source: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  let at = 0;
  let line = 1;
  while (at < source.length) {
    let eol = source.indexOf('\n', at);
    if (eol === -1) eol = source.length;
    const text = source.slice(at, eol);
    const m = ASSIGNMENT.exec(text);
    let next = eol + 1;
    let lines = 1;
    if (m) {
      const start = at + m[0].length;
      const q = source[start];
      const close = q === '"' || q === "'" || q === '`' ? closingQuote(source, start + 1, q, eol) : -1;
      if (close !== -1) {
        entries.push({ key: m[1], value: source.slice(start + 1, close), valueStart: start + 1, valueEnd: close, quote: q as EnvEntry['quote'], line });
        const closeEol = source.indexOf('\n', close);
        next = closeEol === -1 ? source.length : closeEol + 1;
        lines = countNewlines(source, at, close) + 1;
      } else {
        const raw = source.slice(start, eol).replace(/\r$/, '');
        const comment = /(^|[ \t])#/.exec(raw);
        const value = (comment ? raw.slice(0, comment.index) : raw).replace(/[ \t]+$/, '');
        entries.push({ key: m[1], value, valueStart: start, valueEnd: start + value.length, quote: '', line });
      }
    }
    at = next;
    line += lines;
  }
  return entries;
}

/** Where the quote opened before `from` closes; single quotes close on their line, others may span lines. */
function closingQuote(source: string, from: number, quote: string, eol: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote === "'" && i >= eol) return -1;
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (c === quote) return i;
  }
  return -1;
}

function countNewlines(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1)) n++;
  return n;
}

/** Replaces the value text of entries (quotes, keys, comments and line breaks stay). */
export function replaceValues(source: string, edits: { entry: EnvEntry; value: string }[]): string {
  let out = source;
  for (const { entry, value } of [...edits].sort((a, b) => b.entry.valueStart - a.entry.valueStart)) {
    out = out.slice(0, entry.valueStart) + value + out.slice(entry.valueEnd);
  }
  return out;
}
