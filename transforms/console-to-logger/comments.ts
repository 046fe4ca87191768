import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { enclosingStatement } from '../../src/ast/scope';

const SKIP_KEYS = new Set(['loc', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'original']);

/** Takes every comment attached inside `nodes` off its node, in source order. */
function detach(nodes: any[]): any[] {
  const found: any[] = [];
  const seen = new Set<any>();
  const visit = (node: any) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.type !== 'string') return;
    for (const key of ['comments', 'leadingComments', 'trailingComments', 'innerComments']) {
      if (Array.isArray(node[key]) && node[key].length > 0) {
        found.push(...node[key]);
        node[key] = key === 'comments' ? undefined : [];
      }
    }
    for (const key of Object.keys(node)) if (!SKIP_KEYS.has(key)) visit(node[key]);
  };
  nodes.forEach(visit);
  const unique = [...new Set(found)];
  return unique.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/**
 * Comments inside a console call's callee and arguments, moved above the enclosing statement: the
 * call is rebuilt on one line, where a `// comment` would swallow the code after it.
 */
export function moveCommentsAbove(j: JSCodeshift, call: ASTPath<any>, nodes: any[]): void {
  const comments = detach(nodes);
  if (comments.length === 0) return;
  const moved = comments.map((c) => (c.type === 'CommentLine' || c.type === 'Line' ? j.commentLine(c.value, true, false) : j.commentBlock(c.value, true, false)));
  const target = enclosingStatement(call)?.statement.node ?? call.node;
  const existing: any[] = target.comments ?? [];
  target.comments = [...existing.filter((c) => c.leading), ...moved, ...existing.filter((c) => !c.leading)];
}
