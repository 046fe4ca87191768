import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { hasRequestInScope } from '../../src/ast/handlers';
import type { CodeStyle } from '../../src/ast/style';
import { isErrorValue, keyFor, MetaBuilder, namingFor } from './meta';
import { isPrintfFormat, messageOf } from './message';
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
export function whyManual(args: any[]): string | null {
  if (args.length === 0) return 'prints an empty line: remove it, or log a message through the logger';
  if (isPrintfFormat(args)) return 'uses a printf-style format (%s, %d, …): write the message and a meta object for the logger by hand';
  return null;
}

/**
 * The arguments of the logger call that replaces a console call, as source text: a message (the
 * string arguments) and one meta object (every other argument under a readable key, errors under
 * errorKey, object literals merged, correlationId inside request handlers), in winston or pino order.
 */
export function loggerArguments(j: JSCodeshift, args: any[], at: ASTPath<any>, settings: Settings, style: CodeStyle): string {
  // Printed with the file's quotes: a node whose comments moved away is printed anew.
  const text = (node: any): string => {
    const printed = j(node).toSource({ quote: style.quote });
    // Printed alone, `(a, b)` loses the parentheses it needs as one argument or property value.
    return unwrapTypes(node)?.type === 'SequenceExpression' && !printed.startsWith('(') ? `(${printed})` : printed;
  };
  const message = messageOf(text, args, settings.stripTags, style);
  const values = args.map((node, index) => ({ node, index })).filter((v) => !message?.used.has(v.index));
  const correlate = settings.correlationId !== false && hasRequestInScope(at);

  if (!message && values.length === 1 && !correlate) return text(values[0].node);

  const naming = namingFor(settings.style, settings.errorKey);
  const meta = new MetaBuilder(text, naming.reserved);
  for (const { node, index } of values) {
    const bare = unwrapTypes(node);
    if (bare.type === 'ObjectExpression') meta.merge(bare);
    else if (isErrorValue(node, at)) meta.add(settings.errorKey, text(node));
    else if (isObjectValued(node, at)) meta.spread(text(node));
    else meta.add(keyFor(node, naming) ?? `arg${index + 1}`, text(node));
  }
  if (correlate && !meta.has('correlationId')) meta.add('correlationId', settings.correlationId as string);

  if (!message) return meta.text();
  if (meta.size === 0) return message.text;
  return settings.style === 'pino' ? `${meta.text()}, ${message.text}` : `${message.text}, ${meta.text()}`;
}
