import path from 'node:path';
import { TRANSFORMS } from '../../transforms';
import { UsageError, type Transform } from '../../src/types';
import { tempTree } from './cli';

/**
 * A stand-in transform for rollout tests, registered in this test process only (run with jobs 1):
 * `console.log(` becomes `<options.call>(`, `console.table` is a manual item, and a prepare hook can
 * find the call in the files. It keeps the rollout
 * tests independent of the real transforms' rules.
 */
export const ROLLOUT_TEST: Transform = {
  name: 'rollout-test',
  summary: 'test transform: console.log → a configurable call',
  options: {
    call: { type: 'string', default: 'logger.info', description: "the call that replaces console.log; 'detect': from a `// call: x` comment in the run's files" },
    scaffold: { type: 'boolean', default: false, description: 'create src/generated.js below the root' },
  },
  generate: (ctx) => (ctx.options.scaffold ? [{ path: path.join(ctx.root, 'src/generated.js'), content: 'export const generated = true;\n' }] : []),
  // Like console-to-logger finding the logger most files import: run-level, from the files it is given.
  prepare(ctx) {
    if (ctx.options.call !== 'detect') return ctx.options;
    const found = ctx.files.map((f) => /\/\/ call: (\S+)/.exec(ctx.read(f))?.[1]).find(Boolean);
    if (!found) throw new UsageError('rollout-test: no file has a `// call:` comment');
    return { ...ctx.options, call: found };
  },
  ast: {
    edits: true,
    prefilter: (source) => source.includes('console.'),
    apply(root, ctx) {
      const { j } = ctx;
      root.find(j.MemberExpression, { object: { name: 'console' }, property: { name: 'log' } }).forEach((p) => {
        ctx.edit.replace(p.node, ctx.options.call);
        ctx.changed();
      });
      root.find(j.MemberExpression, { object: { name: 'console' }, property: { name: 'table' } }).forEach((p) => {
        ctx.manual(p.node.loc?.start.line ?? 0, 'console.table has no logger equivalent: log the rows as an object');
      });
    },
  },
};

/** Registers the test transform in a registry: the sources' by default, or the built one (dist) for in-process CLI tests. */
export function registerTestTransform(registry: Transform[] = TRANSFORMS): void {
  if (!registry.includes(ROLLOUT_TEST)) registry.push(ROLLOUT_TEST);
}

/** A monorepo with npm workspaces: two services and a root-level script. */
export function workspaceRepo(extra: Record<string, string> = {}): string {
  return tempTree({
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['services/*'] }),
    'services/payments/package.json': JSON.stringify({ name: '@acme/payments' }),
    'services/payments/src/app.js': "console.log('pay');\n",
    'services/payments/src/db.js': "console.log('db');\nconsole.log('db2');\n",
    'services/orders/package.json': JSON.stringify({ name: 'orders' }),
    'services/orders/src/app.js': "console.log('orders');\nconsole.table(rows);\n",
    'services/billing/package.json': JSON.stringify({ name: 'billing' }),
    'services/billing/index.js': "console.log('bill');\n",
    'scripts/build.js': "console.log('build');\n",
    ...extra,
  });
}
