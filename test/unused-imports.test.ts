import { describe, expect, it } from 'vitest';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { importUsage, removeNewlyUnusedImportEdits, removeSideEffectImportEdits } from '../src/ast/unused-imports';
import { removeStatement } from '../src/ast/edit-removal';
import { transformFile } from '../src/engine/transform-file';
import type { Transform } from '../src/types';

/**
 * Runs `rewrite` between a usage snapshot and the clean-up, through the real engine. The rewrite used
 * here removes every statement that calls `drop(...)`, standing in for a transform's edit.
 */
function run(file: string, source: string, sideEffects: string[] = []) {
  let removed: string[] = [];
  const probe: Transform = {
    name: 'probe',
    summary: '',
    options: {},
    ast: {
      edits: true,
      prefilter: () => true,
      apply(root: Collection<any>, ctx) {
        const j: JSCodeshift = ctx.j;
        const before = importUsage(j, root);
        root
          .find(j.ExpressionStatement, { expression: { type: 'CallExpression', callee: { name: 'drop' } } })
          .forEach((p) => removeStatement(ctx.edit!, p.node));
        removed = [...removeNewlyUnusedImportEdits(j, root, ctx.edit!, before), ...removeSideEffectImportEdits(root, ctx.edit!, sideEffects)];
        ctx.changed();
      },
    },
  };
  const out = transformFile({ path: file, relPath: file, root: '/r', source }, [probe], {});
  expect(out.error).toBeUndefined();
  return { code: out.output ?? source, removed };
}

describe('removeNewlyUnusedImportEdits', () => {
  it('removes a default import whose only use went away, with its statement', () => {
    const r = run('/r/a.ts', "import path from 'path';\nimport x from 'x';\n\ndrop(path.join('a'));\nx();\n");
    expect(r.code).toBe("import x from 'x';\n\nx();\n");
    expect(r.removed).toEqual(['path']);
  });
  it('removes one named specifier and keeps the others', () => {
    const r = run('/r/a.ts', "import { a, b, c } from 'm';\ndrop(b);\na(c);\n");
    expect(r.code).toBe("import { a, c } from 'm';\na(c);\n");
  });
  it('removes a TypeScript import-equals require', () => {
    expect(run('/r/a.ts', "import D = require('d');\ndrop(new D());\nrun();\n").code).toBe('run();\n');
  });
  it('leaves imports that were already unused before the rewrite', () => {
    const r = run('/r/a.ts', "import unused from 'u';\nimport used from 'v';\ndrop(used);\n");
    expect(r.code).toBe("import unused from 'u';\n");
  });
  it('keeps a binding that still has a use, also as a type or in JSX or an export', () => {
    expect(run('/r/a.ts', "import T from 't';\ndrop(T);\nlet v: T;\n").code).toContain("import T from 't'");
    expect(run('/r/a.jsx', "import Btn from 'b';\ndrop(Btn);\nexport const x = <Btn />;\n").code).toContain("import Btn from 'b'");
    expect(run('/r/a.ts', "import k from 'k';\ndrop(k);\nexport { k };\n").code).toContain("import k from 'k'");
  });
  it('removes require bindings, destructured names and the names only they used', () => {
    const r = run(
      '/r/a.js',
      "const winston = require('winston');\nconst { transports } = winston;\nconst { File, Console } = transports;\nconst DailyRotateFile = require('winston-daily-rotate-file');\n\ndrop(new File(), new DailyRotateFile());\nmodule.exports = new Console();\n",
    );
    // The blank line between the declarations and the code stays: each removal takes only its own lines.
    expect(r.code).toBe("const winston = require('winston');\nconst { transports } = winston;\nconst { Console } = transports;\n\nmodule.exports = new Console();\n");
    const chain = run('/r/a.js', "const winston = require('winston');\nconst { File } = winston.transports;\ndrop(new File());\nrun();\n");
    expect(chain.code).toBe('run();\n');
    expect(chain.removed).toEqual(['File', 'winston']);
  });
  it('keeps a destructuring with a rest element and a require whose result is called', () => {
    expect(run('/r/a.js', "const { a, ...rest } = require('m');\ndrop(a);\nuse(rest);\n").code).toContain('const { a, ...rest }');
    expect(run('/r/a.js', "const debug = require('debug')('app');\ndrop(debug);\n").code).toContain("require('debug')('app')");
  });
  it('keeps the leading comments of a removed statement above the next one', () => {
    const r = run('/r/a.ts', "// Copyright Acme\nimport fs from 'fs';\nimport x from 'x';\ndrop(fs);\nx();\n");
    expect(r.code).toBe("// Copyright Acme\nimport x from 'x';\nx();\n");
  });
});

describe('removeSideEffectImportEdits', () => {
  it('removes only side-effect imports of the named modules', () => {
    const r = run('/r/a.js', "require('winston-daily-rotate-file');\nrequire('dotenv/config');\nconst d = require('winston-daily-rotate-file');\nrun(d);\n", ['winston-daily-rotate-file']);
    expect(r.code).toBe("require('dotenv/config');\nconst d = require('winston-daily-rotate-file');\nrun(d);\n");
    expect(run('/r/a.ts', "import 'winston-daily-rotate-file';\nimport './tracing';\nrun();\n", ['winston-daily-rotate-file']).code).toBe("import './tracing';\nrun();\n");
  });
});
