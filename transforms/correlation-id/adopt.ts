import type { Collection, JSCodeshift } from 'jscodeshift';
import type { AstContext } from '../../src/types';
import { requireSpecifier } from '../../src/ast/require';
import type { CorrelationMechanism } from '../../src/fleet/types';

/**
 * A request-ID mechanism an app already has, as far as the code shows it: shipshape keeps it (no
 * second middleware) and forwards and reports the ID under the names it uses.
 */
export interface Adopted {
  /** The middleware as written, for messages. */
  text: string;
  mechanism: CorrelationMechanism;
  /** The header it reads and sets, lower case, when known. */
  header?: string;
  /** Where handlers find the ID on the request (`id` for express-request-id and pino-http). */
  requestProperty?: string;
  /** An expression that reads the ID anywhere in the request (`rTracer.id()`), when it has one. */
  getter?: string;
  /** Where the app installs it. */
  line?: number;
}

/** Module → mechanism and the defaults the library documents. */
const LIBRARIES: Record<string, { mechanism: CorrelationMechanism; header?: string; requestProperty?: string; getter?: (local: string) => string }> = {
  'express-request-id': { mechanism: 'express-request-id', header: 'x-request-id', requestProperty: 'id' },
  'request-id': { mechanism: 'request-id', header: 'x-request-id', requestProperty: 'requestId' },
  'request-id/express': { mechanism: 'request-id', header: 'x-request-id', requestProperty: 'requestId' },
  'cls-rtracer': { mechanism: 'cls-rtracer', header: 'x-request-id', getter: (local) => `${local}.id()` },
  'pino-http': { mechanism: 'pino-http', requestProperty: 'id' },
};

/** Local names bound to a module by import or require: local → module. */
export function moduleLocals(j: JSCodeshift, root: Collection<any>): Map<string, string> {
  const locals = new Map<string, string>();
  root.find(j.ImportDeclaration).forEach((p: any) => {
    for (const s of p.node.specifiers ?? []) locals.set(s.local.name, String(p.node.source.value));
  });
  root.find(j.VariableDeclarator).forEach((p: any) => {
    let init = p.node.init;
    while (init && requireSpecifier(init) === null && (init.type === 'CallExpression' || init.type === 'MemberExpression')) init = init.type === 'CallExpression' ? init.callee : init.object;
    const spec = requireSpecifier(init);
    if (spec === null) return;
    j(p.node.id)
      .find(j.Identifier)
      .forEach((id: any) => {
        locals.set(id.node.name, spec);
      });
    if (p.node.id.type === 'Identifier') locals.set(p.node.id.name, spec);
  });
  return locals;
}

/** The identifier a middleware expression starts from: `rTracer` of `rTracer.expressMiddleware()`. */
function rootName(node: any): string | null {
  let n = node;
  while (n) {
    if (n.type === 'Identifier') return n.name;
    if (n.type === 'CallExpression') n = n.callee;
    else if (n.type === 'MemberExpression') n = n.object;
    else return null;
  }
  return null;
}

/** A middleware named by a variable resolves to its initialiser: `const addRequestId = require('express-request-id')()`. */
function definition(j: JSCodeshift, root: Collection<any>, node: any): any {
  if (node.type !== 'Identifier') return node;
  const decl = root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: node.name } }).paths()[0];
  return decl?.node.init ?? node;
}

function stringValue(node: any): string | undefined {
  if (node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string')) return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** `{ key: '...' }` of the first object literal argument anywhere along a call chain. */
function optionOf(node: any, key: string): any {
  for (let n = node; n && (n.type === 'CallExpression' || n.type === 'MemberExpression'); n = n.type === 'CallExpression' ? n.callee : n.object) {
    if (n.type !== 'CallExpression') continue;
    for (const arg of n.arguments) {
      if (arg.type !== 'ObjectExpression') continue;
      const prop = arg.properties.find((p: any) => (p.key?.name ?? p.key?.value) === key);
      if (prop) return prop.type === 'ObjectMethod' ? prop : prop.value;
    }
  }
  return undefined;
}

const ID_HEADER = /['"`](x-[a-z0-9-]*(?:request|correlation|trace)[a-z0-9-]*)['"`]/i;

/** The first header literal a function's text names (`req.headers['x-request-id']`, `res.setHeader('X-Request-Id', ...)`). */
function headerIn(ctx: AstContext, node: any): string | undefined {
  const m = node ? ID_HEADER.exec(ctx.edit!.textOf(node)) : null;
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * What an app's existing request-ID middleware is: a known library with its options read where
 * they are literals, or an inline middleware by the header and request property it sets. Null
 * when the argument is not one (pino-http counts only with its own genReqId).
 */
export function adoptedMechanism(ctx: AstContext, root: Collection<any>, arg: any, locals: Map<string, string>, text: string): Adopted | null {
  const j = ctx.j;
  if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') {
    const body = ctx.edit!.textOf(arg.body);
    const property = /\.\s*(correlationId|requestId|reqId|id)\s*=(?!=)/i.exec(body)?.[1];
    const header = headerIn(ctx, arg.body);
    if (!property && !header) return null;
    return { text, mechanism: 'custom', header, requestProperty: property };
  }
  const def = definition(j, root, arg);
  const local = rootName(def);
  const module = local ? locals.get(local) : undefined;
  const library = module ? LIBRARIES[module] : undefined;
  if (library) {
    if (library.mechanism === 'pino-http') {
      const gen = optionOf(def, 'genReqId');
      if (!gen) return null;
      return { text, mechanism: 'pino-http', header: headerIn(ctx, gen), requestProperty: 'id' };
    }
    const header = stringValue(optionOf(def, 'headerName'))?.toLowerCase() ?? library.header;
    const requestProperty = stringValue(optionOf(def, 'attributeName')) ?? library.requestProperty;
    return { text, mechanism: library.mechanism, header, requestProperty, getter: library.getter?.(local!) };
  }
  return null;
}
