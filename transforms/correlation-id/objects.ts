import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { statementFromCode } from '../../src/ast/build';

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

/**
 * An object literal built from text that recast prints as written (one line stays one line):
 * taken from an assignment so the node is unchanged from what was parsed. recast indents the lines
 * after the first relative to the line the node lands on, so text written at the file's absolute
 * indentation gives `base`, the indentation of that line, to take off.
 */
export function objectFromCode(j: JSCodeshift, code: string, base = ''): any {
  return statementFromCode(j, `x = ${relativeTo(code, base)};`).expression.right;
}

/** Any expression from text, printed as written (see objectFromCode). */
export const expressionFromText = objectFromCode;

/** A block `{ ... }` from text, printed as written. */
export function blockFromCode(j: JSCodeshift, code: string, base = ''): any {
  return statementFromCode(j, relativeTo(code, base));
}

function relativeTo(code: string, base: string): string {
  return code
    .split('\n')
    .map((line, i) => (i > 0 && base && line.startsWith(base) ? line.slice(base.length) : line))
    .join('\n');
}

// recast hands the parser the source with leading tabs expanded (tab width 4), so node offsets
// and columns count those spaces; positions are mapped back to the file's own text here.
const RECAST_TAB_WIDTH = 4;
let lineStartsMemo: { source: string; starts: number[] } | null = null;

function lineStarts(source: string): number[] {
  if (lineStartsMemo?.source !== source) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
    lineStartsMemo = { source, starts };
  }
  return lineStartsMemo.starts;
}

function offsetOf(source: string, pos: { line: number; column: number }): number {
  const start = lineStarts(source)[pos.line - 1];
  let width = 0;
  let i = start;
  while (width < pos.column && (source[i] === ' ' || source[i] === '\t')) {
    width = source[i] === '\t' ? (Math.floor(width / RECAST_TAB_WIDTH) + 1) * RECAST_TAB_WIDTH : width + 1;
    i++;
  }
  return i + (pos.column - width);
}

/** Where a parsed node's text is in the file's source, or null for a node a transform built. */
export function rangeOf(source: string, node: any): [number, number] | null {
  const loc = node?.loc;
  if (!loc?.start || !loc?.end) return null;
  return [offsetOf(source, loc.start), offsetOf(source, loc.end)];
}

/** The file's text of a parsed node ('' for a built one). */
export function textOf(source: string, node: any): string {
  const range = rangeOf(source, node);
  return range ? source.slice(range[0], range[1]) : '';
}

/** The indentation of the line `offset` is on. */
export function lineIndent(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(start))![0];
}

/** `text` (lines after the first relative to column 0) indented to start at `indent`. */
function indentBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

export interface PropertyStyle {
  /** One level of indentation. */
  indent: string;
  trailingComma: boolean;
}

/**
 * Adds the property `propText` to an object literal, at its start or end, by rewriting the object's
 * text: recast prints a node it parsed as written, while properties added as nodes come out with
 * blank lines around them. A one-line object stays on one line when the property fits on one line;
 * otherwise every property gets its own line, at the indentation the file uses.
 * `obj` becomes the rebuilt node in place, so whatever holds it (an argument, a `const`) keeps it.
 */
export function addProperty(j: JSCodeshift, source: string, style: PropertyStyle, obj: any, propText: string, at: 'start' | 'end'): void {
  const rebuilt = withProperty(j, source, style, obj, propText, at);
  if (rebuilt !== obj) replaceInPlace(obj, rebuilt);
}

/**
 * Makes `node` the replacement in place, so whatever holds it keeps it; recast then prints the
 * replacement's own text.
 */
export function replaceInPlace(node: any, replacement: any): void {
  const comments = node.comments;
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, replacement);
  // recast keeps the parsed twin it reprints from in a non-enumerable `original`.
  node.original = replacement.original;
  if (comments) node.comments = comments;
}

function withProperty(j: JSCodeshift, source: string, style: PropertyStyle, obj: any, propText: string, at: 'start' | 'end'): any {
  const props: any[] = obj.properties;
  const range = rangeOf(source, obj);
  if (!range || props.some((p) => !rangeOf(source, p))) {
    // Built by another transform in this run: no text to rewrite, add the property as a node.
    const prop = objectFromCode(j, `{ ${propText} }`).properties[0];
    if (at === 'start') props.unshift(prop);
    else props.push(prop);
    return obj;
  }
  const [objStart, objEnd] = range;
  const text = source.slice(objStart, objEnd);
  const oneLine = !text.includes('\n');
  if (oneLine && !propText.includes('\n')) {
    if (props.length === 0) return objectFromCode(j, `{ ${propText} }`);
    const inner = text.slice(1, -1).trim().replace(/,$/, '');
    return objectFromCode(j, at === 'start' ? `{ ${propText}, ${inner} }` : `{ ${inner}, ${propText} }`);
  }
  const base = lineIndent(source, objStart);
  const inner = !oneLine && props.length > 0 ? lineIndent(source, rangeOf(source, props[0])![0]) : base + style.indent;
  const entries = props.map((p) => textOf(source, p));
  const added = indentBlock(propText, inner);
  if (at === 'start') entries.unshift(added);
  else entries.push(added);
  // Comments between properties live in the source between them: keep the original text when possible.
  if (!oneLine && props.length > 0) {
    const first = rangeOf(source, props[0])![0];
    const last = rangeOf(source, props[props.length - 1])![1];
    let body = source.slice(first, last);
    // After the last property: its comma, a comment on its line (which stays with it), the rest.
    const after = /^(\s*,)?([ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/))?/.exec(source.slice(last, objEnd - 1))!;
    const trailing = after[1] !== undefined;
    const comment = after[2] ?? '';
    const tail = source.slice(last + after[0].length, objEnd - 1);
    body =
      at === 'start'
        ? `${added},\n${inner}${body}${trailing ? ',' : ''}${comment}`
        : `${body},${comment}\n${inner}${added}${trailing ? ',' : ''}`;
    return objectFromCode(j, `{${source.slice(objStart + 1, first)}${body}${tail}}`, base);
  }
  const comma = style.trailingComma ? ',' : '';
  return objectFromCode(j, `{\n${entries.map((e) => inner + e).join(',\n')}${comma}\n${base}}`, base);
}

/** A new multi-line object literal holding `propText`, for an argument that starts at `offset` in the source. */
export function newObject(j: JSCodeshift, source: string, style: PropertyStyle, offset: number, propText: string): any {
  const base = lineIndent(source, offset);
  const inner = base + style.indent;
  return objectFromCode(j, `{\n${inner}${indentBlock(propText, inner)}${style.trailingComma ? ',' : ''}\n${base}}`, base);
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
