import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { hasFrameworkRequestInScope } from '../../src/ast/handlers';
import { quoteString, type CodeStyle } from '../../src/ast/style';
import { derivedMessage } from './derive';
import type { LoggerArg } from './layout';
import { isErrorValue, keyFor, MetaBuilder } from './meta';
import { isMessageArgument, isPrintfFormat, messageOf } from './message';
import { normaliseServiceName, type Profile } from './profile';
import { secretIn } from './secrets';
import type { Settings } from './options';

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

function unwrapTypes(node: any): any {
  while (node && WRAPPERS.has(node.type)) node = node.expression;
  return node;
}

/** `Object.assign(...)`, `Object.fromEntries(...)`, or a const initialised with an object literal. */
function isObjectValued(node: any, at: ASTPath<any>): boolean {
  const n = unwrapTypes(node);
  if (n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.name === 'Object')
    return ['assign', 'fromEntries'].includes(n.callee.property.name);
  if (n?.type !== 'Identifier') return false;
  const scope = at.scope?.lookup(n.name);
  const binding = scope?.getBindings()[n.name]?.[0];
  const declarator = binding?.parent?.node;
  return declarator?.type === 'VariableDeclarator' && declarator.id === binding.node && binding.parent.parent?.node.kind === 'const' && unwrapTypes(declarator.init)?.type === 'ObjectExpression';
}

/** Why a console call with these arguments is left for a reviewer, or null when it can be rewritten. */
export function whyManual(j: JSCodeshift, args: any[], level: string, profile: Profile): string | null {
  if (args.length === 0) return 'prints an empty line: remove it, or log a message through the logger';
  if (isPrintfFormat(args)) return 'uses a printf-style format (%s, %d, …): write the message and a meta object for the logger by hand';
  const secret = secretIn(j, args);
  if (secret) return `logs ${secret}, which may be a secret: not rewritten, so it does not reach the log pipeline; log it redacted (or not at all) by hand`;
  const params = profile.params;
  if (params) {
    if (!(level in params)) return `has no method on the service's logger: ${profile.describe} has ${Object.keys(params).join(', ') || 'no level methods'}; map it with the 'levels' option`;
    if (params[level] === 1 && args.length > 1)
      return `passes ${args.length} values, but ${level}() of ${profile.describe} takes one parameter and would drop the rest: format them into one string by hand`;
  }
  return null;
}

// Names under which a lone value reads as the message itself.
const MESSAGE_LIKE = /^(?:msg|message|text|line|str|output|summary|banner)$|(?:Message|Msg|Text|Line)$/;
const SIMPLE = /^[\w$]+(?:\??\.[\w$#]+)*$/;

function lastName(node: any): string | null {
  const n = unwrapTypes(node);
  if (n?.type === 'Identifier') return n.name;
  if ((n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression') && !n.computed) return n.property.name ?? null;
  return null;
}

/** What a catch value becomes where the logger would print a nested Error as `{}`. */
function spelledError(t: string): string {
  return `${t} instanceof Error ? { message: ${t}.message, stack: ${t}.stack } : ${t}`;
}

export interface CallPlan {
  args: LoggerArg[];
}

/**
 * The arguments of the logger call that replaces a console call: a message (the string arguments,
 * with the values between them named by their keys) and one meta object (every other argument under
 * a readable key, errors where the logger prints them, object literals merged, the correlation ID
 * inside request handlers), in the order the logger takes them. A string is a manual-item reason.
 */
export function planArguments(print: (node: any) => string, args: any[], at: ASTPath<any>, level: string, settings: Settings, profile: Profile, style: CodeStyle, file: string): CallPlan | string {
  const text = (node: any): string => {
    const printed = print(node);
    // Printed alone, `(a, b)` loses the parentheses it needs as one argument or property value.
    return unwrapTypes(node)?.type === 'SequenceExpression' && !printed.startsWith('(') ? `(${printed})` : printed;
  };
  if (profile.params?.[level] === 1) return { args: [{ text: text(args[0]) }] };

  const values = args.map((node, index) => ({ node, index })).filter((v) => !isMessageArgument(v.node));
  const correlate = profile.correlation !== null && hasFrameworkRequestInScope(at);
  if (values.length === args.length && values.length === 1 && !correlate) {
    const only = lastName(values[0].node);
    if (only && MESSAGE_LIKE.test(only) && !isErrorValue(values[0].node, at)) return { args: [{ text: text(values[0].node) }] };
  }

  const meta = new MetaBuilder(text, profile.reserved);
  const keys = new Map<number, string[]>();
  const errors = new Map<string, string>();
  for (const { node, index } of values) {
    const bare = unwrapTypes(node);
    const line = node.loc?.start.line ?? 0;
    if (bare.type === 'ObjectExpression') keys.set(index, meta.merge(bare));
    else if (isErrorValue(node, at)) {
      if (profile.errors === 'key') keys.set(index, [meta.add(profile.errorKey, text(node), line)]);
      else {
        const token = `\u0000error${errors.size}\u0000`;
        errors.set(token, text(node));
        keys.set(index, [meta.add(profile.errorKey, token, line)]);
      }
    } else if (isObjectValued(node, at)) {
      meta.spread(text(node), line);
      keys.set(index, SIMPLE.test(text(node)) ? [`...${text(node)}`] : []);
    } else keys.set(index, [meta.add(keyFor(node, { errorKey: profile.errorKey, reserved: profile.reserved }) ?? `arg${index + 1}`, text(node), line)]);
  }
  if (correlate && !meta.has('correlationId')) meta.add('correlationId', profile.correlation!);

  const dropTag = (tag: string) => settings.stripTags && profile.serviceNames.has(normaliseServiceName(tag));
  let message = messageOf(text, args, { keysOf: (i) => keys.get(i) ?? [], dropTag }, style)?.text;
  if (message === undefined) {
    const what = errors.size > 0 || values.some((v) => isErrorValue(v.node, at)) ? 'error' : (meta.entries[0]?.key ?? 'value');
    message = quoteString(derivedMessage(what, at, file), style);
  }

  let metaArg: LoggerArg | null = meta.size > 0 ? { meta: meta.entries } : null;
  if (errors.size > 0) {
    if (profile.errors === 'winston' && errors.size === 1 && meta.size === 1) metaArg = { text: [...errors.values()][0] };
    else {
      for (const e of errors.values()) if (!SIMPLE.test(e)) return `logs the error ${e} next to other values: winston would print it as {}; log it on its own or spell out its message and stack by hand`;
      for (const entry of meta.entries) {
        for (const [t, e] of errors) if (entry.text.includes(t)) entry.text = entry.text.replace(t, spelledError(e));
      }
    }
  }
  const msgArg: LoggerArg = { text: message };
  if (!metaArg) return { args: [msgArg] };
  return { args: profile.metaFirst ? [metaArg, msgArg] : [msgArg, metaArg] };
}
