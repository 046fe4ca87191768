import { describe, expect, it } from 'vitest';
import { ensureImport } from '../src/ast/imports';
import { transformFile } from '../src/engine/transform-file';
import type { Transform } from '../src/types';

/**
 * The two files recast used to leave unchanged on real code ("the #! line would move", "would
 * re-indent the multi-line template literal"), reduced to the smallest input that showed each.
 */

/** Imports `log` from './log' (at the top of a file without imports: the import has no neighbour to anchor on). */
const importer: Transform = {
  name: 'importer',
  summary: 'adds an import',
  options: {},
  ast: {
    prefilter: () => true,
    apply(root, ctx) {
      if (ensureImport(ctx.j, root, ctx.path, { source: './log', name: 'log', kind: 'named' }, ctx.style).added) ctx.changed();
    },
  },
};

/** `console.log(a, b)` becomes `logger.info(a, { b })`, built with builders: the template argument moves into a new call. */
const mover: Transform = {
  name: 'mover',
  summary: 'rebuilds console calls',
  options: {},
  ast: {
    prefilter: (s) => s.includes('console'),
    apply(root, ctx) {
      const { j } = ctx;
      root.find(j.CallExpression, { callee: { object: { name: 'console' } } }).forEach((p: any) => {
        const [first, ...rest] = p.node.arguments;
        const meta = rest.map((a: any) => j.objectProperty.from({ key: j.identifier(a.name ?? 'value'), value: a, shorthand: a.type === 'Identifier' }));
        p.replace(j.callExpression(j.memberExpression(j.identifier('logger'), j.identifier('info')), meta.length ? [first, j.objectExpression(meta)] : [first]));
        ctx.changed();
      });
    },
  },
};

const run = (relPath: string, source: string, transforms: Transform[]) =>
  transformFile({ path: `/repo/${relPath}`, relPath, root: '/repo', source }, transforms, {});

describe('recast guards, root causes fixed', () => {
  it('a #! file whose first statement is no anchor for an insertion: the import goes below the #! line', () => {
    const esm = run('src/cli.ts', '#!/usr/bin/env node\nif (process.argv.length > 2) {\n  run();\n}\n', [importer]);
    expect(esm.error).toBeUndefined();
    expect(esm.output).toBe("#!/usr/bin/env node\nimport { log } from './log';\n\nif (process.argv.length > 2) {\n  run();\n}\n");
    const cjs = run('src/cli.js', '#!/usr/bin/env node\nconst a = 1, b = 2;\nrun(a, b);\n', [importer]);
    expect(cjs.error).toBeUndefined();
    expect(cjs.output).toBe("#!/usr/bin/env node\nconst { log } = require('./log');\n\nconst a = 1, b = 2;\nrun(a, b);\n");
  });

  it('a licence header stays above an import inserted without an anchor (the same cause, without a #! to notice it)', () => {
    const out = run('src/a.js', '// Copyright Acme\nconst a = 1, b = 2;\nrun(a, b);\n', [importer]).output!;
    expect(out.startsWith('// Copyright Acme\nconst { log }')).toBe(true);
  });

  it('a multi-line template literal moved into a rebuilt call keeps every line of its text', () => {
    const source = [
      'function report(rows) {',
      '  if (rows.length) {',
      '    console.log(`Report:',
      "${rows.join('\\n')}",
      '  done`, rows);',
      '  }',
      '}',
      'app.listen(3000, () => {',
      '  console.log(`Listening',
      '    on 3000`);',
      '});',
      '',
    ].join('\n');
    const result = run('src/a.js', source, [mover]);
    expect(result.error).toBeUndefined();
    expect(result.output).toContain("    logger.info(`Report:\n${rows.join('\\n')}\n  done`, {\n");
    expect(result.output).toContain('  logger.info(`Listening\n    on 3000`);');
  });
});
