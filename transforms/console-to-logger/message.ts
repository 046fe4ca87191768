import { parseExpression } from '@babel/parser';
import { quoteString, type CodeStyle } from '../../src/ast/style';

/** A message as text runs and the expressions between them (the shape of a template literal). */
interface Model {
  quasis: string[];
  exprs: string[];
}

export interface Message {
  /** Source text of the message argument. */
  text: string;
  /** Indexes of the console arguments it was made from. */
  used: Set<number>;
}

const TAG = /^\s*\[[^\[\]\n\uE000]{1,60}\]\s*/;
/**
 * A line break written as one in a template literal. It is rendered back as a line break, so a
 * message written over several lines keeps its lines; a string literal cannot hold one, so a message
 * with one is rendered as a template. It counts as white space wherever the message is trimmed.
 */
const LINE = '\uE000';
const TRAILING_SPACE = /[\s\uE000]+$/;
const TRAILING_COLON = /[\s\uE000]*:?[\s\uE000]*$/;
const LEADING_SPACE = /^[\s\uE000]+/;
const PRINTF = /%[sdifjoOc]/;

export function isStringLiteral(node: any): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && typeof node.value === 'string';
}

/** `'User ' + id + ' created'`: a left-leaning `+` chain that starts with a string, so every `+` concatenates. */
function concatModel(text: (node: any) => string, node: any): Model | null {
  const operands: any[] = [];
  let n = node;
  while (n?.type === 'BinaryExpression' && n.operator === '+' && !n.extra?.parenthesized) {
    operands.unshift(n.right);
    n = n.left;
  }
  if (operands.length === 0 || !isStringLiteral(n)) return null;
  const model: Model = { quasis: [n.value], exprs: [] };
  for (const op of operands) {
    if (isStringLiteral(op)) model.quasis[model.quasis.length - 1] += op.value;
    else {
      model.exprs.push(text(op));
      model.quasis.push('');
    }
  }
  return model;
}

function modelOf(text: (node: any) => string, node: any): Model | null {
  if (isStringLiteral(node)) return { quasis: [node.value], exprs: [] };
  if (node?.type === 'TemplateLiteral') return { quasis: node.quasis.map(quasiText), exprs: node.expressions.map((e: any) => text(e)) };
  return concatModel(text, node);
}

/**
 * A template piece's text, its written line breaks marked as LINE. Without a backslash the raw text
 * is the cooked text. With one, each written line is cooked on its own (an escaped `\n` stays an
 * escape); a line continuation (`\` at a line's end) leaves the cooked text as it is: its line
 * breaks become `\n` escapes, the same value without the layout.
 */
function quasiText(quasi: any): string {
  const raw: string = quasi.value.raw;
  const cooked: string | null = quasi.value.cooked;
  if (cooked == null) return raw;
  const lines = raw.split(/\r\n?|\n/);
  if (lines.length === 1) return cooked;
  if (!raw.includes('\\')) return lines.join(LINE);
  if (lines.slice(0, -1).some((l) => /(^|[^\\])(\\\\)*\\$/.test(l))) return cooked;
  return lines.map(cook).join(LINE);
}

function cook(rawLine: string): string {
  const node: any = parseExpression('`' + rawLine + '`');
  return node.quasis[0].value.cooked;
}

function escapeControl(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function renderTemplate(model: Model): string {
  const esc = (s: string) => escapeControl(s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n')).replace(/\uE000/g, '\n');
  let out = '`' + esc(model.quasis[0]);
  model.exprs.forEach((e, i) => (out += '${' + e + '}' + esc(model.quasis[i + 1])));
  return out + '`';
}

function renderConcat(model: Model, style: CodeStyle): string {
  const terms: string[] = [];
  const q = (s: string) => escapeControl(quoteString(s, style));
  // The first term must stay a string so each `+` still concatenates.
  if (model.quasis[0] !== '' || !(model.exprs.length === 1 && model.quasis[1] !== '')) terms.push(q(model.quasis[0]));
  model.exprs.forEach((e, i) => {
    terms.push(/^[\w$.]+(\(.*\))?$/.test(e) ? e : `(${e})`);
    if (model.quasis[i + 1] !== '') terms.push(q(model.quasis[i + 1]));
  });
  return terms.join(' + ');
}

/** Whether an argument is part of the message: a string literal, a template literal or a string concatenation. */
export function isMessageArgument(node: any): boolean {
  return modelOf(() => '', node) !== null;
}

/** Whether the first argument is a printf-style format (`'%s items', n`) that Node would fill in. */
export function isPrintfFormat(args: any[]): boolean {
  if (args.length < 2) return false;
  const first = args[0];
  if (isStringLiteral(first)) return PRINTF.test(first.value);
  if (first.type === 'TemplateLiteral') return first.quasis.some((q: any) => PRINTF.test(q.value.cooked ?? q.value.raw));
  return false;
}

/** What the message of one call needs from the rest of the call. */
export interface MessageContext {
  /** The meta keys a value argument is stored under, named in the message where the value stood. */
  keysOf(index: number): string[];
  /** Whether a leading `[tag]` only repeats what the logger already says (it names the service). */
  dropTag(tag: string): boolean;
}

/**
 * The message of a console call: its string arguments (literals, template literals, string
 * concatenations) joined with one space as console prints them. A value that stood between string
 * pieces is named in its place by its meta key (`'Booking for {studentId} with {trainerId}'`), so
 * the literal pieces keep their order and meaning; then every value is named. When all values follow
 * the message they are not named, and a trailing `:` before them is dropped. A leading `[tag]` is dropped only when `dropTag` says so.
 * Unchanged, a single message argument keeps its source text exactly.
 */
export function messageOf(text: (node: any) => string, args: any[], mc: MessageContext, style: CodeStyle): Message | null {
  const models = args.map((node) => modelOf(text, node));
  const pieces = models.map((model, index) => ({ index, model })).filter((p): p is { index: number; model: Model } => p.model !== null);
  if (pieces.length === 0) return null;
  const used = new Set(pieces.map((p) => p.index));
  const lastPiece = pieces[pieces.length - 1].index;
  // A value before a string piece: every value is named where it stood, so the pieces keep their sense.
  const interleaved = models.some((m, i) => m === null && i < lastPiece);
  let changed = pieces.length > 1;
  const joined: Model = { quasis: [''], exprs: [] };
  // Console separates its arguments with one space; each piece after the first starts with one.
  let started = false;
  const separate = () => {
    const last = joined.quasis.length - 1;
    if (started && !/[\s\uE000]$/.test(joined.quasis[last])) joined.quasis[last] += ' ';
    started = true;
  };
  const append = (s: string) => {
    joined.quasis[joined.quasis.length - 1] += s;
  };
  args.forEach((_, index) => {
    const model = models[index];
    if (!model) {
      if (index > lastPiece && !interleaved) return;
      const keys = mc.keysOf(index);
      if (keys.length > 0) {
        separate();
        append(keys.map((k) => `{${k}}`).join(' '));
        changed = true;
      }
      return;
    }
    const m: Model = { quasis: [...model.quasis], exprs: [...model.exprs] };
    const last = m.quasis.length - 1;
    const beforeValue = index === lastPiece && index + 1 < args.length && !interleaved;
    if (pieces.length > 1 || beforeValue) {
      const trimmed = m.quasis[last].replace(beforeValue ? TRAILING_COLON : TRAILING_SPACE, '');
      if (trimmed !== m.quasis[last] && (trimmed !== '' || m.exprs.length > 0 || last > 0 || pieces.length > 1)) {
        m.quasis[last] = trimmed;
        changed = true;
      }
    }
    if (pieces.length > 1 || index > 0) m.quasis[0] = m.quasis[0].replace(LEADING_SPACE, '');
    separate();
    append(m.quasis[0]);
    m.exprs.forEach((e, k) => {
      joined.exprs.push(e);
      joined.quasis.push(m.quasis[k + 1]);
    });
  });
  const tag = TAG.exec(joined.quasis[0]);
  if (tag && mc.dropTag(tag[0].trim().slice(1, -1))) {
    const stripped = joined.quasis[0].slice(tag[0].length);
    const rest = stripped + joined.exprs.join('') + joined.quasis.slice(1).join('');
    if (rest.trim() !== '') {
      joined.quasis[0] = stripped;
      changed = true;
    }
  }
  if (!changed) return { text: text(args[pieces[0].index]), used };
  const onlyConcat = pieces.length === 1 && args[pieces[0].index].type === 'BinaryExpression';
  if (joined.exprs.length === 0 && !joined.quasis[0].includes(LINE)) return { text: escapeControl(quoteString(joined.quasis[0], style)), used };
  return { text: onlyConcat ? renderConcat(joined, style) : renderTemplate(joined), used };
}
