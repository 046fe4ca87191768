import type { Collection, JSCodeshift } from 'jscodeshift';
import { literalRounds } from './rounds-literal';

/**
 * Names of settings that hold bcrypt's cost: `saltRounds`, `SALT_ROUNDS`, `BCRYPT_SALT_ROUNDS`,
 * `DEFAULT_SALT_ROUNDS`, `bcryptCost`, `SALT_WORK_FACTOR`.
 */
export const ROUNDS_NAME = /(salt_?rounds|salt_?work_?factor|bcrypt_?rounds|bcrypt_?cost|hash_?rounds)$/i;

function nameOf(key: any): string | null {
  if (key?.type === 'Identifier') return key.name;
  if ((key?.type === 'StringLiteral' || key?.type === 'Literal') && typeof key.value === 'string') return key.value;
  return null;
}

/**
 * Literal values of settings named for bcrypt's cost, wherever the calls that use them are:
 * `const saltRounds = 10`, `export const BCRYPT_SALT_ROUNDS = 10`, `{ saltRounds: 10 }` in a config
 * object, `private readonly saltRounds = 10` in a class.
 */
export function namedRoundsSettings(j: JSCodeshift, root: Collection<any>): any[] {
  const found: any[] = [];
  root.find(j.VariableDeclarator).forEach((p: any) => {
    const name = nameOf(p.node.id);
    if (name && ROUNDS_NAME.test(name) && p.parent.node.kind === 'const' && literalRounds(p.node.init) !== null) found.push(p.node.init);
  });
  const properties = (node: any) => {
    const name = nameOf(node.key);
    if (!node.computed && name && ROUNDS_NAME.test(name) && literalRounds(node.value) !== null) found.push(node.value);
  };
  root.find(j.ObjectProperty).forEach((p: any) => properties(p.node));
  root.find(j.Property).forEach((p: any) => properties(p.node));
  root.find(j.ClassProperty).forEach((p: any) => properties(p.node));
  return found;
}
