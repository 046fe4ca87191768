import { parseExpression } from '@babel/parser';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import { lineOf } from '../src/ast/scope';
import type { AstContext, Transform } from '../src/types';
import { findPoolConstructions } from './pg-pool-limits/find-pools';
import { objectText, withAppendedProperties } from './pg-pool-limits/append-properties';
import { isTestPath } from '../src/ast/paths';

const LIMIT_KEYS = ['max', 'idleTimeoutMillis', 'connectionTimeoutMillis'] as const;

function validExpression(value: unknown): string | null {
  try {
    parseExpression(String(value), { plugins: ['typescript'] });
    return null;
  } catch (err: any) {
    return `not a JavaScript expression: ${err?.message ?? err}`;
  }
}

function nonNegativeInteger(value: unknown): string | null {
  return Number.isInteger(value) && (value as number) >= 0 ? null : 'expected a whole number of milliseconds, 0 or more';
}

/** `x as PoolConfig`, `x satisfies PoolConfig`, `(x)`: the options expression itself. */
function unwrap(node: any): any {
  while (node && /^(TSAsExpression|TSSatisfiesExpression|TSNonNullExpression|TypeCastExpression|ParenthesizedExpression)$/.test(node.type)) node = node.expression;
  return node;
}

function keyName(prop: any): string | null {
  if ((prop.type !== 'ObjectProperty' && prop.type !== 'Property' && prop.type !== 'ObjectMethod') || prop.computed) return null;
  return prop.key.type === 'Identifier' ? prop.key.name : typeof prop.key.value === 'string' ? prop.key.value : null;
}

function limitEntries(options: AstContext['options'], missing: readonly string[]): string[] {
  const values: Record<string, string> = {
    max: String(options.max),
    idleTimeoutMillis: String(options.idleTimeoutMillis),
    connectionTimeoutMillis: String(options.connectionTimeoutMillis),
  };
  return missing.map((key) => `${key}: ${values[key]}`);
}

export const pgPoolLimits: Transform = {
  name: 'pg-pool-limits',
  summary: 'Gives pg Pools explicit max, idle and connection timeouts',
  options: {
    max: {
      type: 'string',
      description:
        'Expression for the pool size; the default reads PG_POOL_MAX and falls back to 10 (10 services × 10 connections stays under PostgreSQL\'s usual max_connections of 100-200)',
      default: 'Number(process.env.PG_POOL_MAX ?? 10)',
      validate: validExpression,
    },
    idleTimeoutMillis: {
      type: 'number',
      description: 'Milliseconds an idle client stays open before the pool closes it',
      default: 30000,
      validate: nonNegativeInteger,
    },
    connectionTimeoutMillis: {
      type: 'number',
      description: 'Milliseconds to wait for a connection before failing, instead of waiting forever when the database is down or the pool is exhausted',
      default: 2000,
      validate: nonNegativeInteger,
    },
  },
  ast: {
    edits: true,
    prefilter: (source) => /\bpg\b/.test(source) && source.includes('Pool'),
    // Test pools are short-lived, and a 2 s connection timeout would make slow CI databases flaky.
    exclude: (relPath) => (isTestPath(relPath) ? 'test code' : null),
    apply(root, ctx) {
      const { j } = ctx;
      const edit = ctx.edit!;
      for (const path of findPoolConstructions(j, root)) {
        const args = path.node.arguments;
        const line = lineOf(path.node);
        if (args.length === 0) {
          // The whole expression is rewritten, so `new Pool` without parentheses gets them too.
          const object = objectText(limitEntries(ctx.options, LIMIT_KEYS), ctx.style.indent, ctx.style.trailingComma, edit.indentAt(path.node));
          edit.replace(path.node, `new ${edit.textOf(path.node.callee)}(${object})`);
          ctx.changed();
          continue;
        }
        const options = unwrap(args[0]);
        if (options.type !== 'ObjectExpression') {
          ctx.manual(
            line,
            `new Pool(${edit.textOf(args[0])}): the pool options are built elsewhere; make sure they set ${LIMIT_KEYS.join(', ')} (pg's defaults are 10 clients, 10 s idle and no connection timeout)`,
          );
          continue;
        }
        const present = new Set(options.properties.map(keyName));
        const missing = LIMIT_KEYS.filter((k) => !present.has(k));
        if (missing.length === 0) continue;
        if (options.properties.some((p: any) => p.type === 'SpreadElement' || p.type === 'SpreadProperty')) {
          // Keys added after a spread would override whatever the spread object sets.
          ctx.manual(line, `new Pool({ ...spread }): the spread options may already set ${missing.join(', ')}; set them where the options are built, or add them here`);
          continue;
        }
        const last = options.properties[options.properties.length - 1];
        const text = withAppendedProperties(edit.textOf(options), last ? last.end - options.start : null, limitEntries(ctx.options, missing), ctx.style.indent, edit.indentAt(options));
        edit.replace(options, text);
        ctx.changed();
      }
    },
  },
};

export default toJscodeshift(pgPoolLimits);
