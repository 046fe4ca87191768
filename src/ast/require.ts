/** The module of a `require('m')` call (one string argument), or null for anything else. */
export function requireSpecifier(node: any): string | null {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return null;
  const arg = node.arguments[0];
  return (arg.type === 'StringLiteral' || arg.type === 'Literal') && typeof arg.value === 'string' ? arg.value : null;
}
