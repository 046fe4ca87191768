import type { AstContext, Transform } from '../../src/types';

/** A transform that runs `apply` on every file and counts one change: drives shared AST helpers through the real engine. */
export function probeTransform(apply: (root: any, ctx: AstContext) => void): Transform {
  return {
    name: 'probe',
    summary: '',
    options: {},
    ast: {
      prefilter: () => true,
      apply(root, ctx) {
        apply(root, ctx);
        ctx.changed();
      },
    },
  };
}

/** The same for an edit-based transform (`ast.edits`): `apply` records edits on ctx.edit. */
export function probeEditTransform(apply: (root: any, ctx: AstContext) => void, name = 'probe'): Transform {
  return { ...probeTransform(apply), name, ast: { ...probeTransform(apply).ast!, edits: true } };
}
