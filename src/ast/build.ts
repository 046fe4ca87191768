import type { JSCodeshift } from 'jscodeshift';

/**
 * New code built from source text rather than builders: recast prints such nodes exactly as written,
 * where builders would print every object and destructuring pattern over several lines. Callers write
 * the text in the file's style (quotes via quoteString, indentation via CodeStyle.indent).
 */
export function statementsFromCode(j: JSCodeshift, code: string): any[] {
  return j(code).get().node.program.body;
}

export function statementFromCode(j: JSCodeshift, code: string): any {
  const body = statementsFromCode(j, code);
  if (body.length !== 1) throw new Error(`expected one statement in generated code: ${code}`);
  return body[0];
}

export function expressionFromCode(j: JSCodeshift, code: string): any {
  const stmt = statementFromCode(j, `(${code});`);
  return stmt.expression.extra?.parenthesized ? Object.assign(stmt.expression, { extra: { ...stmt.expression.extra, parenthesized: false } }) : stmt.expression;
}

/** Source text of an existing node, as recast would print it in place. */
export function sourceOf(j: JSCodeshift, node: any): string {
  return j(node).toSource();
}
