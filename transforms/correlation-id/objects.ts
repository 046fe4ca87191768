import type { ASTPath } from 'jscodeshift';
import { indented } from '../../src/engine/edits';
import type { AstContext } from '../../src/types';

/**
 * Object literals and hook functions of the file, read and changed as edits on its text: an added
 * property or parameter is spliced in where it goes, and every other byte of the object stays.
 */

function keyName(prop: any): string | null {
  if (prop.type !== 'ObjectProperty' && prop.type !== 'Property' && prop.type !== 'ObjectMethod') return null;
  if (prop.computed) return null;
  return prop.key.name ?? prop.key.value ?? null;
}

/** The property (or method) `name` of an object literal, or null. */
export function findProperty(obj: any, name: string): any | null {
  return obj.properties.find((p: any) => keyName(p) === name) ?? null;
}

function unwrap(node: any): any {
  let n = node;
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression')) n = n.expression;
  return n;
}

/**
 * The object literal an argument stands for: the literal itself, or a `const` in scope initialised
 * with one (`const proxyOptions = {...}; createProxyMiddleware(proxyOptions)`). Null otherwise.
 */
export function objectLiteralOf(arg: any, at: ASTPath<any>): any | null {
  const node = unwrap(arg);
  if (node?.type === 'ObjectExpression') return node;
  if (node?.type !== 'Identifier') return null;
  const scope = (at as any).scope?.lookup(node.name);
  const bindings = scope?.getBindings()[node.name] ?? [];
  if (bindings.length !== 1) return null;
  const declarator = bindings[0].parent?.node;
  const declaration = bindings[0].parent?.parent?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== bindings[0].node || declaration?.kind !== 'const') return null;
  const init = unwrap(declarator.init);
  return init?.type === 'ObjectExpression' ? init : null;
}

/** The first line of a node's text, for messages. */
export function firstLineOf(ctx: AstContext, node: any): string {
  return ctx.edit!.textOf(node).split('\n')[0];
}

/**
 * Adds the property `propText` (lines after the first relative to column 0) to an object literal,
 * at its start or end. A one-line object stays on one line when the property fits on one line;
 * otherwise the property gets its own line at the indentation of the object's properties (a one-line
 * object is then laid out one property a line). Comments and the trailing-comma habit of the object
 * are kept.
 */
export function addProperty(ctx: AstContext, obj: any, propText: string, at: 'start' | 'end'): void {
  const edit = ctx.edit!;
  const source = ctx.source;
  const props: any[] = obj.properties;
  const oneLine = !edit.textOf(obj).includes('\n');
  const base = edit.indentAt(obj);
  if (oneLine && !propText.includes('\n')) {
    if (props.length === 0) edit.replace(obj, `{ ${propText} }`);
    else if (at === 'start') edit.insertBefore(props[0], `${propText}, `);
    else edit.insertAfter(props[props.length - 1], `, ${propText}`);
    return;
  }
  if (oneLine || props.length === 0) {
    // Every property on a line of its own, one level deeper than the object's line.
    const inner = base + ctx.style.indent;
    const entries = props.map((p) => edit.textOf(p));
    const added = indented(propText, inner);
    if (at === 'start') entries.unshift(added);
    else entries.push(added);
    edit.replace(obj, `{\n${entries.map((e) => inner + e).join(',\n')}${ctx.style.trailingComma ? ',' : ''}\n${base}}`);
    return;
  }
  const inner = edit.indentAt(props[0]);
  const added = indented(propText, inner);
  if (at === 'start') {
    edit.insertBefore(props[0], `${added},\n${inner}`);
    return;
  }
  // After the last property: its comma (a trailing one stays last) and a comment on its line.
  const last = props[props.length - 1];
  const after = /^(\s*,)?([ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/))?/.exec(source.slice(last.end, obj.end - 1))!;
  if (after[1] !== undefined) {
    const end = last.end + after[0].length;
    edit.insertAfter({ start: end, end }, `\n${inner}${added},`);
  } else if (after[2]) {
    const end = last.end + after[0].length;
    edit.insertAfter(last, ',');
    edit.insertAfter({ start: end, end }, `\n${inner}${added}`);
  } else edit.insertAfter(last, `,\n${inner}${added}`);
}

/** A new multi-line object literal holding `propText`, for an argument on the line of `at`. */
export function newObject(ctx: AstContext, at: any, propText: string): string {
  const base = ctx.edit!.indentAt(at);
  const inner = base + ctx.style.indent;
  return `{\n${inner}${indented(propText, inner)}${ctx.style.trailingComma ? ',' : ''}\n${base}}`;
}

/**
 * Adds arguments after a call's last one (`proxy(host)` → `proxy(host, {...})`), or into its empty
 * parentheses (`fastify()` → `fastify({...})`).
 */
export function addArgument(ctx: AstContext, call: any, text: string): void {
  const args: any[] = call.arguments;
  if (args.length > 0) ctx.edit!.insertAfter(args[args.length - 1], `, ${text}`);
  else if (ctx.source[call.end - 1] === ')') ctx.edit!.insertBefore({ start: call.end - 1, end: call.end - 1 }, text);
  // `new FastifyAdapter` without parentheses.
  else ctx.edit!.insertAfter(call, `(${text})`);
}

/**
 * Adds parameters after a function's last one: `(a) =>` → `(a, b) =>`, `a =>` → `(a, b) =>`,
 * `function () {` → `function (a) {`.
 */
export function addParameters(ctx: AstContext, fn: any, names: string[]): void {
  const edit = ctx.edit!;
  const params: any[] = fn.params;
  if (params.length > 0) {
    const first = params[0];
    const head = ctx.source.slice(fn.start, first.start);
    const bare = fn.type === 'ArrowFunctionExpression' && !head.includes('(');
    if (bare) edit.replace(first, `(${edit.textOf(first)}, ${names.join(', ')})`);
    else edit.insertAfter(params[params.length - 1], `, ${names.join(', ')}`);
    return;
  }
  // The `(` of the parameter list: after the name of a method or function, else the first one.
  const from = (fn.type === 'ObjectMethod' ? fn.key?.end : fn.id?.end) ?? fn.typeParameters?.end ?? fn.start;
  const open = ctx.source.indexOf('(', from) + 1;
  edit.insertAfter({ start: open, end: open }, names.join(', '));
}

/** The range an expression body takes, with the parentheses around it (`=> ({ ... })`). */
export function rangeWithParens(ctx: AstContext, node: any): { start: number; end: number } {
  if (!node.extra?.parenthesized) return { start: node.start, end: node.end };
  const start = node.extra.parenStart;
  let depth = 0;
  let end = node.end;
  // One `)` for each `(` between the outer parenthesis and the node.
  for (const ch of ctx.source.slice(start, node.start)) if (ch === '(') depth++;
  while (depth > 0 && end < ctx.source.length) if (ctx.source[end++] === ')') depth--;
  return { start, end };
}

const FUNCTION_TYPES = ['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration'];

/** The function a name stands for in scope at `at`: `function f() {}` or `const f = (...) => {}`. Null otherwise. */
export function localFunction(name: string, at: ASTPath<any>): any | null {
  const scope = (at as any).scope?.lookup(name);
  const bindings = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return null;
  const holder = bindings[0].parent?.node;
  if (holder?.type === 'FunctionDeclaration' && holder.id === bindings[0].node) return holder;
  if (holder?.type === 'VariableDeclarator' && holder.id === bindings[0].node && bindings[0].parent.parent?.node.kind === 'const') {
    const init = unwrap(holder.init);
    return FUNCTION_TYPES.includes(init?.type) ? init : null;
  }
  return null;
}
