import { describe, expect, it } from 'vitest';
import { insertStatement } from '../src/ast/insert';
import { statementFromCode } from '../src/ast/build';
import { transformFile } from '../src/engine/transform-file';
import type { Transform } from '../src/types';
import { detectStyle, quoteString } from '../src/ast/style';
import { restoreNoSemicolonStyle } from '../src/engine/semicolons';
import { probeTransform } from './helpers/probe';

describe('detectStyle', () => {
  it('reads quotes, semicolons, indentation and trailing commas', () => {
    const s = detectStyle('const a = "x";\nfunction f() {\n    return {\n        a: "b",\n    };\n}\n');
    expect(s).toMatchObject({ quote: 'double', semicolons: true, indent: '    ', tabWidth: 4, useTabs: false, trailingComma: true });
    const t = detectStyle("import x from 'x'\nfunction f() {\n\tconst y = {\n\t\ta: 'b'\n\t}\n\treturn y\n}\n");
    expect(t).toMatchObject({ quote: 'single', semicolons: false, useTabs: true, indent: '\t', trailingComma: false });
  });
  it('quotes strings in the file style with escapes', () => {
    expect(quoteString("it's", { quote: 'single' })).toBe("'it\\'s'");
    expect(quoteString('say "hi"', { quote: 'double' })).toBe('"say \\"hi\\""');
  });
});

describe('restoreNoSemicolonStyle', () => {
  it('strips semicolons from added lines only, except before ASI hazards', () => {
    const original = "const a = 1\nfoo()\n";
    const output = "const a = 1\nimport { x } from 'x';\nfoo()\nbar();\n(baz)()\n";
    expect(restoreNoSemicolonStyle(original, output)).toBe("const a = 1\nimport { x } from 'x'\nfoo()\nbar();\n(baz)()\n");
  });
});

describe('inserted statements', () => {
  /** Runs a probe transform that inserts `code` at `index` of the program body through the engine. */
  function insert(source: string, inserts: { index: number; code: string; attach: 'after' | 'before'; top?: boolean; spaced?: boolean }[], file = '/r/a.js') {
    const probe = probeTransform((root, ctx) => {
      const body = root.get().node.program.body;
      for (const ins of inserts) insertStatement(ctx.j, body, ins.index, statementFromCode(ctx.j, ins.code), ins.attach, ins);
    });
    const result = transformFile({ path: file, relPath: 'a.js', root: '/r', source }, [probe], {});
    expect(result.error).toBeUndefined();
    return result.output;
  }

  it('leaves every other byte alone: directives, blank lines, empty statements, trailing spaces', () => {
    const source = "'use strict';\n\nconst a = require('a');\nfunction f() {};   \n\nf();\n";
    expect(insert(source, [{ index: 1, code: "const b = require('b');", attach: 'after' }])).toBe(
      "'use strict';\n\nconst a = require('a');\nconst b = require('b');\nfunction f() {};   \n\nf();\n",
    );
  });

  it("puts a 'before' statement right above its statement and an 'after' one right below", () => {
    const source = 'const app = express();\n\napp.use(json());\n';
    expect(insert(source, [{ index: 1, code: 'app.use(cid);', attach: 'before' }])).toBe('const app = express();\n\napp.use(cid);\napp.use(json());\n');
    expect(insert(source, [{ index: 1, code: 'app.use(cid);', attach: 'after' }])).toBe('const app = express();\napp.use(cid);\n\napp.use(json());\n');
  });

  it('sets a statement of several lines off by a blank line, unless told not to', () => {
    const source = 'app.listen(3000);\nnext();\n';
    const handler = "process.once('SIGTERM', () => {\n  stop();\n});";
    expect(insert(source, [{ index: 1, code: handler, attach: 'after' }])).toBe(`app.listen(3000);\n\n${handler}\nnext();\n`);
    expect(insert(source, [{ index: 1, code: handler, attach: 'after', spaced: false }])).toBe(`app.listen(3000);\n${handler}\nnext();\n`);
  });

  it('keeps consecutive insertions together, in order, indented like their neighbour', () => {
    const source = 'function main() {\n    start();\n}\n';
    const probe: Transform = {
      name: 'probe',
      summary: '',
      options: {},
      ast: {
        prefilter: () => true,
        apply(root, ctx) {
          const body = root.find(ctx.j.BlockStatement).get().node.body;
          insertStatement(ctx.j, body, 1, statementFromCode(ctx.j, 'one();'), 'after');
          insertStatement(ctx.j, body, 2, statementFromCode(ctx.j, 'two();'), 'after');
          ctx.changed();
        },
      },
    };
    const result = transformFile({ path: '/r/a.js', relPath: 'a.js', root: '/r', source }, [probe], {});
    expect(result.output).toBe('function main() {\n    start();\n    one();\n    two();\n}\n');
  });

  it('never re-lays out a multi-line import it inserts after', () => {
    const source = "import {\n  a,\n  b,\n} from 'x';\n\nconst app = express();\n";
    expect(insert(source, [{ index: 1, code: "import { logger } from './logger';", attach: 'after' }], '/r/a.ts')).toBe(
      "import {\n  a,\n  b,\n} from 'x';\nimport { logger } from './logger';\n\nconst app = express();\n",
    );
  });

  it('puts a top-of-file statement below a header comment and a shebang, above a doc comment', () => {
    const source = '#!/usr/bin/env node\n// Copyright Acme\n\n/** Entry. */\nmain();\n';
    expect(insert(source, [{ index: 0, code: "const x = require('x');", attach: 'before', top: true }])).toBe(
      "#!/usr/bin/env node\n// Copyright Acme\n\nconst x = require('x');\n/** Entry. */\nmain();\n",
    );
  });
});

describe('engine safety: multi-line template literals', () => {
  it('refuses a rewrite that would re-indent a moved multi-line template literal', async () => {
    const { transformFile } = await import('../src/engine/transform-file');
    // Moves the template node itself into a new, deeper-indented statement: recast re-indents it.
    const mover = {
      name: 'mover',
      summary: '',
      options: {},
      ast: {
        prefilter: () => true,
        apply(root: any, ctx: any) {
          const j = ctx.j;
          root.find(j.ExpressionStatement).forEach((p: any) => {
            const arg = p.node.expression.arguments?.[0];
            if (!arg || arg.type !== 'TemplateLiteral') return;
            p.replace(j.ifStatement(j.identifier('ok'), j.blockStatement([j.expressionStatement(j.callExpression(j.identifier('log'), [arg]))])));
            ctx.changed();
          });
        },
      },
    };
    const source = 'say(`first\nsecond\n`);\n';
    const result = transformFile({ path: '/r/a.js', relPath: 'a.js', root: '/r', source }, [mover as any], {});
    if (result.status === 'changed') expect(result.output).toContain('`first\nsecond\n`');
    else expect(result.error).toMatch(/re-indent the multi-line template literal at line \d+/);
  });
});
