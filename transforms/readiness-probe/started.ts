import type { ASTPath, Collection } from 'jscodeshift';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { inSemicolonStyle } from '../../src/ast/style';
import { enclosingStatement, lineOf } from '../../src/ast/scope';
import { findListenSites } from '../../src/ast/servers';
import type { AstContext } from '../../src/types';

/**
 * `markStarted()` where the server is listening: first thing in a listen callback, after an
 * awaited `listen()` (Fastify, NestJS) or `server.start()` (hapi), or in a callback added to a
 * listen call that has none (Express, Koa, http). Returns the lines it could not place.
 */
export interface Placed {
  placed: number;
  manual: { line: number; message: string }[];
}

function isFunction(node: any): boolean {
  return node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

/** The statement an awaited call stands in (`await app.listen()`, `const url = await app.listen()`), or null. */
function awaitedStatement(call: ASTPath<any>): { body: any[]; index: number } | null {
  const parent = call.parent?.node;
  if (parent?.type !== 'AwaitExpression') return null;
  const up = call.parent.parent?.node;
  if (up?.type !== 'ExpressionStatement' && up?.type !== 'VariableDeclarator') return null;
  const found = enclosingStatement(call);
  return found ? { body: found.body, index: found.index } : null;
}

/** `code` first in a function's body; an expression body becomes a block that returns nothing, as listen never reads it. */
function atStartOf(fn: any, ctx: AstContext, code: string): void {
  const body = fn.body;
  if (body.type === 'BlockStatement') return void insertPlacedEdit(ctx, body.body, 0, code, 'before', { block: body, spaced: false });
  const edit = ctx.edit!;
  const indent = edit.indentAt(fn);
  const inner = indent + ctx.style.indent;
  const semi = ctx.style.semicolons ? ';' : '';
  // Two insertions around the expression: a rewrite of the expression itself (a console call) stays its own edit.
  const around = body.extra?.parenthesized ? { start: body.extra.parenStart, end: ctx.source.indexOf(')', body.end) + 1 } : body;
  edit.insertBefore(around, `{\n${inner}${code}\n${inner}`);
  edit.insertAfter(around, `${semi}\n${indent}}`);
}

export function markStartedAtListen(root: Collection<any>, ctx: AstContext, importName: () => string, hapiServers: string[]): Placed {
  const j = ctx.j;
  const out: Placed = { placed: 0, manual: [] };
  // The import is added on first use: a file where nothing can be placed gets no unused import.
  const call = () => inSemicolonStyle(`${importName()}();`, ctx.style);
  for (const site of findListenSites(j, root)) {
    const args: any[] = site.path.node.arguments;
    const line = lineOf(site.path.node);
    const last = args[args.length - 1];
    const awaited = awaitedStatement(site.path);
    if (awaited) {
      insertPlacedEdit(ctx, awaited.body, awaited.index + 1, call(), 'after');
      out.placed++;
    } else if (isFunction(last)) {
      // Fastify's callback gets the error first: ready only when there is none.
      const err = site.kind === 'fastify' && last.params[0]?.type === 'Identifier' ? last.params[0].name : null;
      atStartOf(last, ctx, err ? `if (!${err}) ${call()}` : call());
      out.placed++;
    } else if ((site.kind === 'app' || site.kind === 'server') && !args.some((a) => a.type === 'SpreadElement')) {
      const callback = `() => ${importName()}()`;
      if (args.length) ctx.edit!.insertAfter(args[args.length - 1], `, ${callback}`);
      else ctx.edit!.insertBefore({ start: site.path.node.end - 1, end: site.path.node.end - 1 }, callback);
      out.placed++;
    } else {
      out.manual.push({ line, message: `cannot tell when this listen() has finished: call markStarted() once the server listens, or /ready keeps answering 503` });
    }
  }
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'start' } } }).forEach((p: any) => {
    const object = p.node.callee.object;
    if (object.type !== 'Identifier' || !hapiServers.includes(object.name)) return;
    const awaited = awaitedStatement(p);
    if (awaited) {
      insertPlacedEdit(ctx, awaited.body, awaited.index + 1, call(), 'after');
      out.placed++;
    } else out.manual.push({ line: lineOf(p.node), message: `${object.name}.start() is not awaited: call markStarted() once it resolves, or /ready keeps answering 503` });
  });
  return out;
}
