import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { literalRounds } from './rounds-literal';

/** Where a cost argument's value is written: the literal itself, or the one its constant holds. */
export type RoundsSource =
  | { kind: 'literal'; node: any }
  | { kind: 'by-environment'; name: string; production: any; expression: any }
  | { kind: 'constant'; node: any; name: string; declaration: any }
  | { kind: 'unknown' };

/**
 * Follows a cost argument to its literal: `10`, a `const SALT_ROUNDS = 10` in scope, or a class
 * field `saltRounds = 10` read as `this.saltRounds` that no method assigns.
 */
export function roundsSource(j: JSCodeshift, arg: ASTPath<any>): RoundsSource {
  const node = arg.node;
  if (literalRounds(node) !== null) return { kind: 'literal', node };
  if (node.type === 'Identifier') {
    const declarator = constantDeclarator(arg);
    if (declarator) return { kind: 'constant', node: declarator.init, name: node.name, declaration: declarator };
    const production = productionBranch(constantInit(arg));
    return production ? { kind: 'by-environment', name: node.name, production, expression: constantInit(arg) } : { kind: 'unknown' };
  }
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    let p: ASTPath<any> | null = arg.parent;
    while (p && p.node.type !== 'ClassBody') p = p.parent;
    if (!p) return { kind: 'unknown' };
    const field = p.node.body.find((m: any) => (m.type === 'ClassProperty' || m.type === 'PropertyDefinition') && !m.static && !m.computed && m.key?.name === name);
    if (!field || literalRounds(field.value) === null) return { kind: 'unknown' };
    const assigned = j(p)
      .find(j.AssignmentExpression)
      .filter((a: any) => a.node.left.type === 'MemberExpression' && a.node.left.object.type === 'ThisExpression' && a.node.left.property?.name === name)
      .size();
    return assigned > 0 ? { kind: 'unknown' } : { kind: 'constant', node: field.value, name: `this.${name}`, declaration: field };
  }
  return { kind: 'unknown' };
}

function constantInit(path: ASTPath<any>): any {
  const name = path.node.name;
  const binding = path.scope?.lookup(name)?.getBindings()[name]?.[0];
  const declarator = binding?.parent?.node;
  return declarator?.type === 'VariableDeclarator' && declarator.id === binding.node && binding.parent.parent.node.kind === 'const' ? declarator.init : null;
}

/**
 * `env === 'test' ? 1 : 10`: tests hash with a low cost on purpose; the other branch is what runs in
 * production. Returns that branch when it is a literal.
 */
function productionBranch(init: any): any | null {
  if (init?.type !== 'ConditionalExpression' || init.test.type !== 'BinaryExpression') return null;
  const { operator, left, right } = init.test;
  const isTest = (n: any) => (n.type === 'StringLiteral' || n.type === 'Literal') && n.value === 'test';
  if (!isTest(left) && !isTest(right)) return null;
  const branch = operator === '===' || operator === '==' ? init.alternate : operator === '!==' || operator === '!=' ? init.consequent : null;
  return literalRounds(branch) !== null ? branch : null;
}

/** The `const NAME = <rounds literal>` declarator an identifier reads, if that is what it reads. */
export function constantDeclarator(path: ASTPath<any>): any | null {
  const name = path.node.name;
  const scope = path.scope?.lookup(name);
  const binding = scope?.getBindings()[name]?.[0];
  const declarator = binding?.parent?.node;
  const declaration = binding?.parent?.parent?.node;
  if (declarator?.type === 'VariableDeclarator' && declarator.id === binding.node && declaration?.kind === 'const' && literalRounds(declarator.init) !== null)
    return declarator;
  return null;
}

/** How many places read `name` as a variable bound by `declarator` (so a shared constant is seen). */
export function readsOf(j: JSCodeshift, root: Collection<any>, name: string, declarator: any): ASTPath<any>[] {
  return root
    .find(j.Identifier, { name })
    .filter((p: ASTPath<any>) => {
      if (p.parent?.node === declarator && p.parent.node.id === p.node) return false;
      const parent = p.parent?.node;
      if (parent?.type === 'MemberExpression' && parent.property === p.node && !parent.computed) return false;
      if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === p.node && !parent.shorthand) return false;
      const scope = p.scope?.lookup(name);
      const binding = scope?.getBindings()[name]?.[0];
      return binding?.parent?.node === declarator;
    })
    .paths();
}
