import { objectName } from '../ast/apps';

const SKIP = new Set(['loc', 'start', 'end', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'range']);

/** Calls `visit` on every node with its ancestors (nearest last); a plain walk, no visitor objects. */
export function visitNodes(ast: any, visit: (node: any, ancestors: readonly any[]) => void): void {
  const ancestors: any[] = [];
  const go = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) go(n);
      return;
    }
    if (typeof node.type !== 'string') return;
    visit(node, ancestors);
    ancestors.push(node);
    for (const key of Object.keys(node)) {
      if (SKIP.has(key)) continue;
      const v = node[key];
      if (v && typeof v === 'object') go(v);
    }
    ancestors.pop();
  };
  go(ast.program ?? ast);
}

/** `a.b.c` for an identifier/member chain (`this.x` included), else null: the shared helper of src/ast. */
export const dottedName = objectName;

/** The name of the function a node sits in (nearest first), when it has one. */
export function enclosingFunctionName(ancestors: readonly any[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (!/Function|ClassMethod|ObjectMethod/.test(a.type)) continue;
    if (a.id?.name) return a.id.name;
    if (a.key?.name) return a.key.name;
    const parent = ancestors[i - 1];
    if (parent?.type === 'VariableDeclarator' && parent.id?.name) return parent.id.name;
    if (parent?.type === 'CallExpression') continue;
    return '(anonymous)';
  }
  return undefined;
}

/** The local name a value is stored in: `const x = …`, `x = …`, `this.x = …`. */
export function bindingOf(ancestors: readonly any[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === 'VariableDeclarator') return a.id?.type === 'Identifier' ? a.id.name : undefined;
    if (a.type === 'AssignmentExpression') return dottedName(a.left) ?? undefined;
    if (a.type === 'ClassProperty' || a.type === 'PropertyDefinition') return a.key?.name ? `this.${a.key.name}` : undefined;
    if (!/AwaitExpression|TSAsExpression|TSNonNullExpression|ParenthesizedExpression|CallExpression|MemberExpression|NewExpression/.test(a.type)) return undefined;
  }
  return undefined;
}
