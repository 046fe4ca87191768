import type { JSCodeshift } from 'jscodeshift';

let built: string[] = [];

/** Forgets the code built for an earlier file (the engine calls it before each file). */
export function resetBuiltCode(): void {
  built = [];
}

/**
 * Every piece of code built for this file so far, in order: the engine looks in it for work that
 * one transform's new code makes for another.
 */
export function builtPieces(): readonly string[] {
  return built;
}

/**
 * New code built from source text rather than builders: recast prints such nodes exactly as written,
 * where builders would print every object and destructuring pattern over several lines. Callers write
 * the text in the file's style (quotes via quoteString, indentation via CodeStyle.indent).
 */
export function statementsFromCode(j: JSCodeshift, code: string): any[] {
  built.push(code);
  const { root, body } = parseCode(j, code);
  if (code.includes('`')) unpinMultilineTemplates(j, root);
  return body;
}

/**
 * Parses built code. Code copied from inside a class can read its private fields (`this.#runs`),
 * which the parser rejects outside that class: such code is parsed in a method of a class that
 * declares them, and the method's statements are taken out.
 */
function parseCode(j: JSCodeshift, code: string): { root: any; body: any[] } {
  try {
    const root = j(code);
    return { root, body: root.get().node.program.body };
  } catch (err: any) {
    const names = [...new Set(code.match(/#[A-Za-z_$][\w$]*/g) ?? [])];
    if (names.length === 0 || !/Private name/.test(String(err?.message))) throw err;
    const root = j(`class __shipshape__ { ${names.map((n) => `${n};`).join(' ')} static __shipshape__() {\n${code}\n} }`);
    const method = root.get().node.program.body[0].body.body.at(-1);
    return { root, body: method.body.body };
  }
}

/**
 * recast copies a parsed node's text and re-indents its continuation lines to the new position,
 * which for a multi-line template literal changes the string's value. Without a location recast
 * prints the template generically, which keeps its text exactly (it locks the indentation).
 */
function unpinMultilineTemplates(j: JSCodeshift, root: any): void {
  root.find(j.TemplateLiteral).forEach((p: any) => {
    const node = p.node;
    if (!node.quasis.some((q: any) => q.value.raw.includes('\n'))) return;
    for (const n of [node, ...node.quasis]) {
      delete n.loc;
      n.original = undefined;
      delete n.start;
      delete n.end;
    }
  });
}

export function statementFromCode(j: JSCodeshift, code: string): any {
  const body = statementsFromCode(j, code);
  if (body.length !== 1) throw new Error(`expected one statement in generated code: ${code}`);
  return body[0];
}

/**
 * An expression exactly as written: parsed as the initialiser of a declaration rather than in
 * parentheses, because recast reprints a node whose parenthesisation changed (moving comments and
 * dropping blank lines inside object literals).
 */
export function expressionFromCode(j: JSCodeshift, code: string): any {
  return statementFromCode(j, `const __shipshape__ = ${code};`).declarations[0].init;
}

/** Source text of an existing node, as recast would print it in place. */
export function sourceOf(j: JSCodeshift, node: any): string {
  return j(node).toSource();
}
