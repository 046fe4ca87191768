import type { ASTPath } from 'jscodeshift';
import type { ListenSite } from '../../src/ast/servers';
import type { AstContext } from '../../src/types';

/** Where a listen call sits and what the handler closes. */
export interface Placement {
  site: ListenSite;
  /** The statement list holding the listen statement. */
  body: any[];
  /** The listen statement (replaced by `const server = ...` when the result must be kept). */
  statement: any;
  /** The expression naming what to close (`server`, `app` for Fastify/Nest); null until the result is kept. */
  target: string | null;
}

export type PlacementResult = { placement: Placement } | { manual: string };

/** Calls that return the server they are called on, so `app.listen(...).on('error', f)` is still the server. */
const CHAINABLE = ['on', 'once', 'addListener', 'setTimeout'];

const BODY_TYPES = ['Program', 'BlockStatement', 'StaticBlock'];

/** The original text of a node. */
type TextOf = (node: any) => string;

function callText(text: TextOf, site: ListenSite): string {
  const object = site.object.type === 'Identifier' || site.object.type === 'MemberExpression' ? text(site.object) : '...';
  return `${object.length > 40 ? '...' : object}.listen(...)`;
}

/**
 * Finds the statement of a listen call and what to close: the variable it is assigned to, the server
 * it is called on, or (for an app whose result is dropped) nothing yet. Listen calls whose statement
 * cannot hold a handler next to it (`export default app.listen()`, an arrow's expression body,
 * `return app.listen()`) are reported instead.
 */
export function placeListen(text: TextOf, site: ListenSite): PlacementResult {
  let top: ASTPath<any> = site.path;
  while (
    top.parent?.node.type === 'MemberExpression' &&
    top.parent.node.object === top.node &&
    CHAINABLE.includes(top.parent.node.property.name) &&
    top.parent.parent?.node.type === 'CallExpression' &&
    top.parent.parent.node.callee === top.parent.node
  )
    top = top.parent.parent;
  const what = callText(text, site);
  if (top.parent?.node.type === 'AwaitExpression') {
    top = top.parent;
    // Express's listen returns the server; an awaited one is Fastify's or Nest's promise, which this file does not say.
    if (!site.resolved && (site.kind === 'app' || site.kind === 'server'))
      return { manual: `${what} is awaited but the file does not show which framework creates it (Fastify: close() it; NestJS: enableShutdownHooks()): add the shutdown handling yourself` };
  }
  const parent = top.parent?.node;
  let statement: ASTPath<any> | null = null;
  let kept: string | null = null;
  if (parent?.type === 'ExpressionStatement') statement = top.parent;
  else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && top.parent.parent?.node.type === 'VariableDeclaration') {
    statement = top.parent.parent;
    kept = parent.id.name;
    if (statement!.parent?.node.type === 'ExportNamedDeclaration') statement = statement!.parent;
  } else if (
    parent?.type === 'AssignmentExpression' &&
    parent.right === top.node &&
    (parent.left.type === 'Identifier' || parent.left.type === 'MemberExpression') &&
    top.parent.parent?.node.type === 'ExpressionStatement'
  ) {
    statement = top.parent.parent;
    kept = text(parent.left);
  }
  if (kept !== null && /^(module\.)?exports\b/.test(kept)) statement = null;
  if (!statement) {
    const exported = parent?.type === 'ExportDefaultDeclaration' || (parent?.type === 'AssignmentExpression' && /^(module\.)?exports\b/.test(text(parent.left)));
    const where = exported ? 'is exported' : parent?.type === 'ReturnStatement' ? 'is returned' : 'sits inside an expression';
    return { manual: `${what} ${where}, so no shutdown handler can be added next to it: keep the server in a variable and close it on SIGTERM (graceful-shutdown)` };
  }
  const container = statement.parent?.node;
  if (!container || !BODY_TYPES.includes(container.type)) {
    return { manual: `${what} is not in a block (e.g. an if without braces): add braces, or add a SIGTERM handler that closes the server yourself` };
  }
  let target = kept;
  if (site.kind === 'fastify' || site.kind === 'nest' || site.kind === 'hapi' || (site.kind === 'server' && site.object.type !== 'CallExpression')) {
    target = text(site.object);
  }
  if (target !== null && /\bthis\b/.test(target)) {
    return { manual: `${what} runs in a class: add a SIGTERM handler that closes ${target} (drain, close resources, exit) yourself` };
  }
  return { placement: { site, body: container.body, statement: statement.node, target } };
}

/**
 * `app.listen(...)` → `const server = app.listen(...)`: the handler needs the http.Server to close.
 * One insertion in front of the statement; the call's own text stays as written.
 */
export function keepResult(ctx: AstContext, placement: Placement, name: string): void {
  ctx.edit!.insertBefore(placement.statement, `const ${name} = `);
  placement.target = name;
}
