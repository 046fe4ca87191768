import type { JSCodeshift } from 'jscodeshift';
import { collectNodes } from '../../src/ast/walk';

// The last word of a name says what the value is: `apiKey`, `JWT_SECRET`, `accessToken`, `dbPassword`.
// A bare `key` is usually a map or cache key; qualified (`apiKey`, `JWT_KEY`) it is a credential.
const SECRET_WORD = /^(?:apikey|secret|token|password|passwd|pwd|passphrase|credentials?|privatekey)$/i;
// Environment variables that configure a process and never carry a credential.
const HARMLESS_ENV = new Set(['PORT', 'HOST', 'HOSTNAME', 'NODE_ENV', 'LOG_LEVEL', 'TZ', 'ENV', 'APP_ENV', 'SERVICE_NAME', 'npm_package_name', 'npm_package_version', 'npm_lifecycle_event']);

export function looksSecret(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_\-$]+/).filter(Boolean);
  const last = words[words.length - 1] ?? name;
  return SECRET_WORD.test(last) || SECRET_WORD.test(name) || (words.length > 1 && /^key$/i.test(last));
}

function propertyName(member: any): string | null {
  const p = member.property;
  if (!member.computed && p?.type === 'Identifier') return p.name;
  if ((p?.type === 'StringLiteral' || p?.type === 'Literal') && typeof p.value === 'string') return p.value;
  return null;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`: the variable's name ('' when computed). */
function envName(member: any): string | null {
  const obj = member.object;
  if (obj?.type !== 'MemberExpression' && obj?.type !== 'OptionalMemberExpression') return null;
  const isEnv = propertyName(obj) === 'env' && ((obj.object?.type === 'Identifier' && obj.object.name === 'process') || obj.object?.type === 'MetaProperty');
  return isEnv ? (propertyName(member) ?? '') : null;
}

/**
 * What in these console arguments looks like a secret: an environment variable other than plain
 * process configuration (PORT, NODE_ENV…), or a value named like a key, secret, token or password.
 * Such a call is not rewritten: the logger would ship the value to the log pipeline.
 */
export function secretIn(j: JSCodeshift, args: any[]): string | null {
  for (const arg of args) {
    const found = collectNodes(j(arg), ['Identifier', 'MemberExpression', 'OptionalMemberExpression']);
    for (const m of [...found.get('MemberExpression')!, ...found.get('OptionalMemberExpression')!]) {
      const env = envName(m);
      if (env !== null && !HARMLESS_ENV.has(env)) return `the environment variable ${env || '[…]'}`;
      const name = propertyName(m);
      if (name && looksSecret(name)) return `'${name}'`;
    }
    for (const id of found.get('Identifier')!) if (looksSecret(id.name)) return `'${id.name}'`;
  }
  return null;
}
