import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { applyEdits, SourceEdits } from '../src/engine/edits';
import { transformFile } from '../src/engine/transform-file';
import type { AstContext, Transform } from '../src/types';

/** An edit-based transform that replaces each identifier named `from` with `to`, noting each run's text. */
function renamer(name: string, from: string, to: string, seen: string[] = []): Transform {
  return {
    name,
    summary: `renames ${from}`,
    options: {},
    ast: {
      edits: true,
      prefilter: (source) => source.includes(from),
      apply(root, ctx: AstContext) {
        seen.push(ctx.source);
        root.find(ctx.j.Identifier, { name: from }).forEach((p) => {
          ctx.edit!.replace(p.node, to);
          ctx.changed();
        });
      },
    },
  };
}

/** Replaces every `a.b(...)` call whole: its range holds the identifiers the renamers edit. */
const callRewriter: Transform = {
  name: 'calls',
  summary: 'rewrites calls',
  options: {},
  ast: {
    edits: true,
    prefilter: () => true,
    apply(root, ctx) {
      root.find(ctx.j.CallExpression).forEach((p: any) => {
        ctx.edit!.replace(p.node, `${ctx.edit!.textOf(p.node.callee)}.call(null)`);
        ctx.changed();
      });
    },
  },
};

const run = (source: string, transforms: Transform[], path = '/r/src/a.ts') =>
  transformFile({ path, relPath: 'src/a.ts', root: '/r', source }, transforms, {});

describe('edits on the original text', () => {
  it('keeps every byte outside the edits, odd formatting and comments included, and never parses with recast', () => {
    const recast = createRequire(__filename)('recast');
    const parse = vi.spyOn(recast, 'parse');
    const source = "const   a = x ;  // note\n\n\nfunction f( ) { return x } \n";
    const result = run(source, [renamer('r', 'x', 'y')]);
    expect(result.output).toBe("const   a = y ;  // note\n\n\nfunction f( ) { return y } \n");
    expect(result.changes).toEqual({ r: 2 });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('inserts before and after nodes and statements in their indentation, and removes ranges', () => {
    const source = 'function f() {\n  one();\n  two();\n}\n';
    const edit = new SourceEdits(source, 't');
    const one = { start: source.indexOf('one'), end: source.indexOf('one') + 'one();'.length };
    const two = { start: source.indexOf('two'), end: source.indexOf('two') + 'two();'.length };
    edit.insertStatementBefore(one, 'zero();');
    edit.insertStatementAfter(two, 'three({\n  a: 1,\n});');
    edit.remove({ start: one.end, end: two.start });
    edit.insertBefore(two, '/* 2 */ ');
    expect(applyEdits(source, edit.list)).toBe('function f() {\n  zero();\n  one();/* 2 */ two();\n  three({\n    a: 1,\n  });\n}\n');
  });

  it('a statement inserted after one that ends in a comment goes below the comment; blank lines of the code stay empty', () => {
    const source = 'function f() {\n  one(); // note\n  two(); /* a */ /* b */\n}\n';
    const edit = new SourceEdits(source, 't');
    const one = { start: source.indexOf('one'), end: source.indexOf('one') + 'one();'.length };
    const two = { start: source.indexOf('two'), end: source.indexOf('two') + 'two();'.length };
    edit.insertStatementAfter(one, 'after1();');
    edit.insertStatementAfter(two, 'a();\n\nb();');
    expect(applyEdits(source, edit.list)).toBe('function f() {\n  one(); // note\n  after1();\n  two(); /* a */ /* b */\n  a();\n\n  b();\n}\n');
  });

  it('overlapping edits of two transforms: the later wins and the earlier runs again on the result', () => {
    const seen: string[] = [];
    const source = 'const v = a.b(1);\n';
    const result = run(source, [renamer('early', 'b', 'c', seen), callRewriter]);
    // `calls` replaced the whole call, whose range held the renamer's edit; the renamer then ran on `a.b.call(null)`.
    expect(result.output).toBe('const v = a.c.call(null);\n');
    expect(seen).toEqual([source, 'const v = a.b.call(null);\n']);
    expect(result.changes).toEqual({ early: 1, calls: 1 });
  });

  it('the same edit asked twice (babel gives `import {x}` two nodes with one range) is made once', () => {
    expect(run("import {x} from 'x';\nconst o = { x };\n", [renamer('r', 'x', 'y')]).output).toBe("import {y} from 'x';\nconst o = { y };\n");
  });

  it("a transform's own overlapping edits are a file error with a message, not an exception", () => {
    const twice: Transform = {
      name: 'twice',
      summary: 'edits one range twice',
      options: {},
      ast: {
        edits: true,
        prefilter: () => true,
        apply(root, ctx) {
          const node = root.find(ctx.j.Identifier).get().node;
          ctx.edit!.replace(node, 'p');
          ctx.edit!.replace({ start: node.start, end: node.end + 1 }, 'q');
        },
      },
    };
    const result = run('abc;\n', [twice]);
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/twice made two overlapping edits at offsets 0-3 and 0-4/);
  });

  it("code one transform writes that has work for another which already read the tree sends that one round again", () => {
    // `r` reads the tree first and finds no identifier x (only a string); the writer's new line holds its work.
    const writer: Transform = {
      name: 'writer',
      summary: 'adds a line using x',
      options: {},
      ast: {
        edits: true,
        prefilter: (s) => s.includes('start'),
        apply(root, ctx) {
          if (ctx.source.includes('use(')) return;
          ctx.edit!.insertStatementAfter(root.find(ctx.j.ExpressionStatement).get().node, 'use(x);');
          ctx.changed();
        },
      },
    };
    const result = run("start('x');\n", [renamer('r', 'x', 'y'), writer]);
    expect(result.output).toBe("start('x');\nuse(y);\n");
    expect(result.changes).toEqual({ writer: 1, r: 1 });
  });
});
