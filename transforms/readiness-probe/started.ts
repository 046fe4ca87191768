import type { ASTPath, Collection } from 'jscodeshift';
import { expressionFromCode, statementFromCode } from '../../src/ast/build';
import { insertStatement } from '../../src/ast/insert';
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

function atStartOf(fn: any, ctx: AstContext, code: string): void {
  insertStatement(ctx.j, fn.body.body, 0, statementFromCode(ctx.j, code), 'before');
}

export function markStartedAtListen(root: Collection<any>, ctx: AstContext, importName: () => string, hapiServers: string[]): Placed {
  const j = ctx.j;
  const out: Placed = { placed: 0, manual: [] };
  // The import is added on first use: a file where nothing can be placed gets no unused import.
  const call = () => `${importName()}();`;
  for (const site of findListenSites(j, root)) {
    const args: any[] = site.path.node.arguments;
    const line = lineOf(site.path.node);
    const last = args[args.length - 1];
    const awaited = awaitedStatement(site.path);
    if (awaited) {
      insertStatement(j, awaited.body, awaited.index + 1, statementFromCode(j, call()), 'after');
      out.placed++;
    } else if (isFunction(last)) {
      // Fastify's callback gets the error first: ready only when there is none.
      const err = site.kind === 'fastify' && last.params[0]?.type === 'Identifier' ? last.params[0].name : null;
      // `() => console.log('up')`: its value is never used by listen, so a block body keeps its meaning.
      if (last.body.type !== 'BlockStatement') last.body = j.blockStatement([j.expressionStatement(last.body)]);
      atStartOf(last, ctx, err ? `if (!${err}) ${call()}` : call());
      out.placed++;
    } else if ((site.kind === 'app' || site.kind === 'server') && !args.some((a) => a.type === 'SpreadElement')) {
      args.push(expressionFromCode(j, `() => ${call().slice(0, -1)}`));
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
      insertStatement(j, awaited.body, awaited.index + 1, statementFromCode(j, call()), 'after');
      out.placed++;
    } else out.manual.push({ line: lineOf(p.node), message: `${object.name}.start() is not awaited: call markStarted() once it resolves, or /ready keeps answering 503` });
  });
  return out;
}
