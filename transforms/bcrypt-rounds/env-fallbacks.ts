import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { literalRounds } from './rounds-literal';
import { constantDeclarator } from './rounds-source';

/** Env keys that hold bcrypt's cost. */
export const ROUNDS_KEY = /SALT_ROUNDS|BCRYPT_ROUNDS|HASH_ROUNDS|BCRYPT_COST|SALT_WORK_FACTOR/;

function keyName(node: any): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return node.value;
  return null;
}

function isProcessEnv(node: any): boolean {
  return node?.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'process' && keyName(node.property) === 'env';
}

/**
 * `process.env.BCRYPT_SALT_ROUNDS`, `process.env['SALT_ROUNDS']`, `env.BCRYPT_ROUNDS` (envalid, t3-env),
 * `ENV_CONFIG.SALT_ROUNDS` and `config.get('BCRYPT_SALT_ROUNDS')`: the places a rounds value is read
 * from the environment. The upper-case env key is what tells, whatever object holds it.
 */
function isRoundsRead(node: any): boolean {
  if (node.type === 'MemberExpression') {
    const key = node.computed && node.property.type !== 'StringLiteral' && node.property.type !== 'Literal' ? null : keyName(node.property);
    return !!key && ROUNDS_KEY.test(key);
  }
  if (node.type === 'CallExpression') {
    const first = keyName(node.arguments[0]);
    return node.arguments[0]?.type !== 'Identifier' && !!first && ROUNDS_KEY.test(first) && /^(get\w*|env)$/i.test(calleeName(node.callee) ?? '');
  }
  return false;
}

function calleeName(callee: any): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed) return keyName(callee.property);
  return null;
}

/** Expressions a read passes through on its way to the fallback: `parseInt(…, 10)`, `Number(…)`, `+…`, `… as string`. */
const PARSERS = /^(parseInt|parseFloat|Number)$/;

function isWrapper(parent: any, child: any): boolean {
  switch (parent.type) {
    case 'CallExpression':
      return parent.arguments[0] === child && PARSERS.test(calleeName(parent.callee) ?? '');
    case 'UnaryExpression':
      return parent.operator === '+';
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
      return true;
    default:
      return false;
  }
}

/**
 * `toInt(process.env.SALT_ROUNDS, 10)`, `config.get('BCRYPT_SALT_ROUNDS', 10)`: a helper's second
 * argument is its default, except for the radix of parseInt and for Math's clamps.
 */
function isDefaultArgument(call: any, read: any): boolean {
  if (call?.type !== 'CallExpression' || call.arguments.length !== 2 || call.arguments[1] === read) return false;
  if (call.arguments[0] !== read && !(read.type === 'CallExpression' && call === read)) return false;
  if (PARSERS.test(calleeName(call.callee) ?? '')) return false;
  return !(call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === 'Math');
}

/**
 * The literal fallbacks of rounds read from the environment:
 * `parseInt(process.env.BCRYPT_SALT_ROUNDS || '10', 10)` (the '10', never the radix),
 * `Number(process.env.BCRYPT_SALT_ROUNDS ?? 10)`, `Number(process.env.SALT_ROUNDS) || 10`,
 * `process.env.SALT_ROUNDS ? … : 10`, `config.get('BCRYPT_SALT_ROUNDS', 10)` and
 * `const { BCRYPT_SALT_ROUNDS = '10' } = process.env`.
 */
export function envFallbacks(j: JSCodeshift, root: Collection<any>): any[] {
  const found: any[] = [];
  // A fallback is a literal, or a constant holding one (`|| DEFAULT_SALT_ROUNDS`).
  const consider = (path: ASTPath<any>) => {
    if (literalRounds(path.node) !== null) found.push(path.node);
    else if (path.node.type === 'Identifier') {
      const declarator = constantDeclarator(path);
      if (declarator) found.push(declarator.init);
    }
  };
  const visit = (path: ASTPath<any>) => {
    if (!isRoundsRead(path.node)) return;
    if (isDefaultArgument(path.node, path.node)) consider(path.get('arguments', 1));
    let child: ASTPath<any> = path;
    for (let depth = 0; depth < 6 && child.parent; depth++) {
      const parent = child.parent.node;
      if (isDefaultArgument(parent, child.node)) {
        consider(child.parent.get('arguments', 1));
        return;
      }
      if (parent.type === 'LogicalExpression' && (parent.operator === '||' || parent.operator === '??') && parent.left === child.node) {
        consider(child.parent.get('right'));
        return;
      }
      if (parent.type === 'ConditionalExpression' && parent.test === child.node) {
        consider(child.parent.get('alternate'));
        return;
      }
      if (!isWrapper(parent, child.node)) return;
      child = child.parent;
    }
  };
  root.find(j.MemberExpression).forEach(visit);
  root.find(j.CallExpression).forEach(visit);
  root.find(j.VariableDeclarator).forEach((p) => {
    const { id, init } = p.node as any;
    if (id.type !== 'ObjectPattern' || !isProcessEnv(init)) return;
    for (const prop of id.properties) {
      const key = keyName(prop.key);
      if (key && ROUNDS_KEY.test(key) && prop.value?.type === 'AssignmentPattern') found.push(prop.value.right);
    }
  });
  return found;
}
