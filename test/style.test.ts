import { describe, expect, it } from 'vitest';
import { insertPlacedEdit } from '../src/ast/edit-placement';
import { transformFile } from '../src/engine/transform-file';
import { detectStyle, inSemicolonStyle, quoteString } from '../src/ast/style';
import { probeEditTransform } from './helpers/probe';

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

describe('inSemicolonStyle', () => {
  it('strips the semicolons of new code in a file without them, except before ASI hazards and in a for head', () => {
    const code = "import { x } from 'x';\nbar();\n// then\n(baz)();\nfor (let i = 0; i < 2; i++) go();";
    expect(inSemicolonStyle(code, { semicolons: false })).toBe("import { x } from 'x'\nbar();\n// then\n(baz)()\nfor (let i = 0; i < 2; i++) go();");
    expect(inSemicolonStyle(code, { semicolons: true })).toBe(code);
  });
});

describe('inserted statements', () => {
  /** Runs a probe transform that inserts `code` at `index` of the program body through the engine, as edits. */
  function insert(source: string, inserts: { index: number; code: string; attach: 'after' | 'before'; top?: boolean; spaced?: boolean }[], file = '/r/a.js') {
    const probe = probeEditTransform((root, ctx) => {
      const program = root.get().node.program;
      for (const ins of inserts) insertPlacedEdit(ctx, program.body, ins.index, ins.code, ins.attach, { ...ins, program: true, block: program });
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
    const probe = probeEditTransform((root, ctx) => {
      const block = root.find(ctx.j.BlockStatement).get().node;
      insertPlacedEdit(ctx, block.body, 1, 'one();', 'after', { block });
      insertPlacedEdit(ctx, block.body, 1, 'two();', 'after', { block });
    });
    const result = transformFile({ path: '/r/a.js', relPath: 'a.js', root: '/r', source }, [probe], {});
    expect(result.output).toBe('function main() {\n    start();\n    one();\n    two();\n}\n');
  });

  it('never re-lays out a multi-line import it inserts after', () => {
    const source = "import {\n  a,\n  b,\n} from 'x';\n\nconst app = express();\n";
    expect(insert(source, [{ index: 1, code: "import { logger } from './logger';", attach: 'after', spaced: false }], '/r/a.ts')).toBe(
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
