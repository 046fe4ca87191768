import { describe, expect, it } from 'vitest';
import { statementFromCode } from '../src/ast/build';
import { insertStatement } from '../src/ast/insert';
import { transformFile } from '../src/engine/transform-file';
import type { AstContext, Transform } from '../src/types';

/** Adds a statement after the first one: built from text, or with builders. */
function adder(how: 'text' | 'builders'): Transform {
  return {
    name: 'adder',
    summary: 'adds a console call',
    options: {},
    ast: {
      prefilter: (source) => source.includes('listen'),
      apply(root, ctx) {
        const { j } = ctx;
        const body = root.get().node.program.body;
        const statement =
          how === 'text'
            ? statementFromCode(j, `console.log('added');`)
            : j.expressionStatement(j.callExpression(j.memberExpression(j.identifier('console'), j.identifier('log')), [j.stringLiteral('added')]));
        insertStatement(j, body, 1, statement, 'after');
        ctx.changed();
      },
    },
  };
}

/** Rewrites `console.log` to `logger.info`, noting the text each run was given. */
function rewriter(seen: string[]): Transform {
  return {
    name: 'rewriter',
    summary: 'console.log to logger.info',
    options: {},
    ast: {
      prefilter: (source) => source.includes('console'),
      apply(root, ctx: AstContext) {
        seen.push(ctx.source);
        const { j } = ctx;
        root.find(j.MemberExpression, { object: { name: 'console' }, property: { name: 'log' } }).forEach((p) => {
          p.replace(j.memberExpression(j.identifier('logger'), j.identifier('info')));
          ctx.changed();
        });
      },
    },
  };
}

const source = `const server = app.listen(3000);\nexport default server;\n`;
const input = { path: '/repo/src/app.ts', relPath: 'src/app.ts', root: '/repo', source };

describe('engine: work that one transform creates for another', () => {
  it('runs the other transform on the same tree when the new code was built from text', () => {
    const seen: string[] = [];
    const result = transformFile(input, [rewriter(seen), adder('text')], {});
    expect(result.status).toBe('changed');
    expect(result.output).toBe(`const server = app.listen(3000);\nlogger.info('added');\nexport default server;\n`);
    expect(result.changes).toEqual({ adder: 1, rewriter: 1 });
    // One pass: the rewriter saw the file's own text, not a printed intermediate result.
    expect(seen).toEqual([source]);
  });

  it('runs a transform again over the result when code built after it ran has work for it', () => {
    const seen: string[] = [];
    const commented = `// console output goes to the access log\n${source}`;
    const result = transformFile({ ...input, source: commented }, [rewriter(seen), adder('text')], {});
    expect(result.output).toBe(`// console output goes to the access log\nconst server = app.listen(3000);\nlogger.info('added');\nexport default server;\n`);
    expect(result.changes).toEqual({ adder: 1, rewriter: 1 });
    // Its second run read the printed result, as a user's second run would.
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(commented);
    expect(seen[1]).toContain(`console.log('added')`);
  });

  it('falls back to a second pass over the result when the new code came from builders', () => {
    const seen: string[] = [];
    const result = transformFile(input, [rewriter(seen), adder('builders')], {});
    expect(result.output).toBe(`const server = app.listen(3000);\nlogger.info('added');\nexport default server;\n`);
    expect(result.changes).toEqual({ adder: 1, rewriter: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(`console.log('added')`);
  });
});
