import fs from 'node:fs';
import path from 'node:path';
import type { Transform } from '../../src/types';
import { TRANSFORMS } from '../../transforms';

/**
 * A test-only transform that makes exactly the change a verification test needs: each statement
 * `inject('<code>');` becomes `<code>`, and `options.create` (path below the root → text) lists
 * modules it creates, the way a scaffold does. Registered in this test process (run with jobs 1).
 */
export const VERIFY_INJECT: Transform = {
  name: 'verify-inject',
  summary: 'test transform: inject(code) statements become code',
  options: { create: { type: 'record', default: {}, description: 'files to create: path below the root → content' } },
  generate: (ctx) => Object.entries(ctx.options.create as Record<string, string>).map(([rel, content]) => ({ path: path.join(ctx.root, rel), content })),
  ast: {
    edits: true,
    prefilter: (source) => source.includes('inject('),
    apply(root, ctx) {
      const { j } = ctx;
      root
        .find(j.ExpressionStatement, { expression: { type: 'CallExpression', callee: { type: 'Identifier', name: 'inject' } } })
        .forEach((p: any) => {
          ctx.edit.replace(p.node, p.node.expression.arguments[0].value);
          ctx.changed();
        });
    },
  },
};

export function registerVerifyInject(): void {
  if (!TRANSFORMS.includes(VERIFY_INJECT)) TRANSFORMS.push(VERIFY_INJECT);
}

/** Makes shipshape's own installed packages (typescript, @types/node) the fixture tree's node_modules, so its program is complete. */
export function linkNodeModules(dir: string): void {
  fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}
