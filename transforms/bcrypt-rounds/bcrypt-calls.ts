import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';

export const BCRYPT_MODULES = ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'];

/** Which argument of each bcrypt function is the cost. */
const ROUNDS_ARGUMENT: Record<string, number> = { hash: 1, hashSync: 1, genSalt: 0, genSaltSync: 0 };

/**
 * The cost arguments of bcrypt calls in the file: `bcrypt.hash(pw, 10)`, `hashSync(pw, 10)`,
 * `genSalt(10)`, `genSaltSync(10)`, where the function or the object comes from bcrypt, bcryptjs or
 * @node-rs/bcrypt (import, require, default, namespace, named or destructured).
 */
export function bcryptRoundsArguments(j: JSCodeshift, root: Collection<any>): { costs: ASTPath<any>[]; defaulted: ASTPath<any>[] } {
  const costs: ASTPath<any>[] = [];
  const defaulted: ASTPath<any>[] = [];
  for (const modules of [['bcrypt', 'bcryptjs'], ['@node-rs/bcrypt']]) {
    const bindings = moduleBindings(j, root, modules);
    if (bindings.whole.size === 0 && bindings.named.size === 0) continue;
    root.find(j.CallExpression).forEach((p) => {
      const callee: any = p.node.callee;
      let fn: string | null = null;
      if (callee.type === 'Identifier' && bindings.named.has(callee.name)) fn = bindings.named.get(callee.name)!;
      else if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && bindings.whole.has(callee.object.name))
        fn = callee.property.name;
      if (fn === null || !(fn in ROUNDS_ARGUMENT)) return;
      const index = ROUNDS_ARGUMENT[fn];
      const args = p.node.arguments;
      if (args.length > index && !isFunction(args[index])) costs.push(p.get('arguments', index));
      // bcrypt and bcryptjs salt with 10 rounds when genSalt gets none (`genSalt()`, `genSalt(cb)`);
      // @node-rs/bcrypt's own default is 12.
      else if (index === 0 && modules[0] === 'bcrypt' && args.every((a: any) => isFunction(a))) defaulted.push(p);
    });
  }
  return { costs, defaulted };
}

function isFunction(node: any): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}
