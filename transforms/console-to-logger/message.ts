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

const TAG = /^\s*\[[^\[\]\n]{1,60}\]\s*/;
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
  if (node?.type === 'TemplateLiteral') {
    return { quasis: node.quasis.map((q: any) => q.value.cooked ?? q.value.raw), exprs: node.expressions.map((e: any) => text(e)) };
  }
  return concatModel(text, node);
}

function escapeControl(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function renderTemplate(model: Model): string {
  const esc = (s: string) => escapeControl(s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n'));
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

/** Whether the first argument is a printf-style format (`'%s items', n`) that Node would fill in. */
export function isPrintfFormat(args: any[]): boolean {
  if (args.length < 2) return false;
  const first = args[0];
  if (isStringLiteral(first)) return PRINTF.test(first.value);
  if (first.type === 'TemplateLiteral') return first.quasis.some((q: any) => PRINTF.test(q.value.cooked ?? q.value.raw));
  return false;
}

/**
 * The message of a console call: its string arguments (literals, template literals, string
 * concatenations) joined with one space as console prints them. A leading `[Service]` tag is dropped
 * (stripTags), and a trailing `:` before a value that moves to meta. Unchanged, a single message
 * argument keeps its source text exactly.
 */
export function messageOf(text: (node: any) => string, args: any[], stripTags: boolean, style: CodeStyle): Message | null {
  const pieces: { index: number; node: any; model: Model }[] = [];
  args.forEach((node, index) => {
    const model = modelOf(text, node);
    if (model) pieces.push({ index, node, model });
  });
  if (pieces.length === 0) return null;
  const used = new Set(pieces.map((p) => p.index));
  let changed = pieces.length > 1;
  const parts = pieces.map(({ index, model }) => {
    const m: Model = { quasis: [...model.quasis], exprs: [...model.exprs] };
    const last = m.quasis.length - 1;
    const beforeValue = index + 1 < args.length && !used.has(index + 1);
    if (pieces.length > 1 || beforeValue) {
      const trimmed = m.quasis[last].replace(beforeValue ? /\s*:?\s*$/ : /\s+$/, '');
      if (trimmed !== m.quasis[last] && (trimmed !== '' || m.exprs.length > 0 || last > 0 || pieces.length > 1)) {
        m.quasis[last] = trimmed;
        changed = true;
      }
    }
    if (pieces.length > 1) m.quasis[0] = m.quasis[0].replace(/^\s+/, '');
    return m;
  });
  const joined: Model = { quasis: [''], exprs: [] };
  parts.forEach((m, i) => {
    if (i > 0 && !(joined.quasis.length === 1 && joined.quasis[0] === '')) joined.quasis[joined.quasis.length - 1] += ' ';
    joined.quasis[joined.quasis.length - 1] += m.quasis[0];
    m.exprs.forEach((e, k) => {
      joined.exprs.push(e);
      joined.quasis.push(m.quasis[k + 1]);
    });
  });
  if (stripTags) {
    const stripped = joined.quasis[0].replace(TAG, '');
    const rest = stripped + joined.exprs.join('') + joined.quasis.slice(1).join('');
    if (stripped !== joined.quasis[0] && rest.trim() !== '') {
      joined.quasis[0] = stripped;
      changed = true;
    }
  }
  if (!changed) return { text: text(pieces[0].node), used };
  const onlyConcat = pieces.length === 1 && pieces[0].node.type === 'BinaryExpression';
  if (joined.exprs.length === 0) return { text: escapeControl(quoteString(joined.quasis[0], style)), used };
  return { text: onlyConcat ? renderConcat(joined, style) : renderTemplate(joined), used };
}
