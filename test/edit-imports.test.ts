import { describe, expect, it } from 'vitest';
import type { ImportRequest } from '../src/ast/imports';
import { ensureImportEdit } from '../src/ast/edit-imports';
import { insertPlacedEdit } from '../src/ast/edit-placement';
import { transformFile } from '../src/engine/transform-file';
import type { AstContext, Transform } from '../src/types';
import { probeEditTransform } from './helpers/probe';

function runWith(file: string, source: string, transforms: Transform[]) {
  const out = transformFile({ path: file, relPath: file, root: '/r', source }, transforms, {});
  expect(out.error).toBeUndefined();
  return out.output ?? source;
}

/** ensureImportEdit through the real engine (splice, reparse); the result is run again to prove idempotency. */
function run(file: string, source: string, req: ImportRequest) {
  let result = { local: '', added: false };
  const probe = probeEditTransform((root, ctx) => {
    result = ensureImportEdit(ctx, root, req);
  });
  const code = runWith(file, source, [probe]);
  const found = result;
  const again = probeEditTransform((root, ctx) => {
    expect(ensureImportEdit(ctx, root, req)).toEqual({ local: found.local, added: false });
  });
  expect(runWith(file, code, [again])).toBe(code);
  return { ...found, code };
}

const logger = (source: string, kind: 'named' | 'default' = 'named'): ImportRequest => ({ source, name: 'logger', kind });

describe('ensureImportEdit', () => {
  it.each<[string, string, string, ImportRequest, string]>([
    ['ESM: after the last import', '/r/a.ts', "import a from 'a';\nimport b from 'b';\n\nfoo();\n", logger('@acme/shared'), "import a from 'a';\nimport b from 'b';\nimport { logger } from '@acme/shared';\n\nfoo();\n"],
    ['ESM: a name joins an existing import', '/r/a.ts', "import { x } from '@acme/shared';\nfoo();\n", logger('@acme/shared'), "import { x, logger } from '@acme/shared';\nfoo();\n"],
    ['ESM: a multi-line import keeps one name a line and its trailing comma', '/r/a.ts', "import {\n  a,\n  b,\n} from './log';\nfoo();\n", logger('./log'), "import {\n  a,\n  b,\n  logger,\n} from './log';\nfoo();\n"],
    ['ESM: named next to a default import', '/r/a.ts', "import a from './log';\nfoo();\n", logger('./log'), "import a, { logger } from './log';\nfoo();\n"],
    ['ESM: default before named specifiers', '/r/a.ts', "import { a } from './log';\nfoo();\n", logger('./log', 'default'), "import logger, { a } from './log';\nfoo();\n"],
    ['ESM: a type-only import does not count and its name is aliased', '/r/a.ts', "import type { logger } from './log';\nfoo();\n", logger('./log'), "import type { logger } from './log';\nimport { logger as logger2 } from './log';\nfoo();\n"],
    ['ESM: alias on a clash with a local', '/r/a.ts', "import x from 'x';\nconst logger = new AuditLogger();\n", logger('./log'), "import x from 'x';\nimport { logger as logger2 } from './log';\nconst logger = new AuditLogger();\n"],
    ['ESM: below a trailing comment of the last import, no semicolons', '/r/a.ts', "import a from 'a' // note\nfoo()\n", logger('./log'), "import a from 'a' // note\nimport { logger } from './log'\nfoo()\n"],
    ['ESM: below a file header, above a doc comment', '/r/a.ts', "/* licence */\n\n/** doc */\nexport function f() {}\n", logger('./log'), "/* licence */\n\nimport { logger } from './log';\n/** doc */\nexport function f() {}\n"],
    ['ESM: above the doc comment of the first statement without header', '/r/a.ts', '/** doc of foo */\nexport function foo() {}\n', logger('./log'), "import { logger } from './log';\n/** doc of foo */\nexport function foo() {}\n"],
    ['ESM: double quotes of the file', '/r/a.ts', 'import a from "a";\nfoo();\n', logger('./log'), 'import a from "a";\nimport { logger } from "./log";\nfoo();\n'],
    ['CJS: after use strict and the leading requires', '/r/a.js', "'use strict';\nconst express = require('express');\n\nconst app = express();\n", logger('./logger'), "'use strict';\nconst express = require('express');\nconst { logger } = require('./logger');\n\nconst app = express();\n"],
    ['CJS: var x = require(...) gives a var line', '/r/a.js', "var a = require('a');\nvar b = require('b');\n\nfoo();\n", logger('./logger', 'default'), "var a = require('a');\nvar b = require('b');\nvar logger = require('./logger');\n\nfoo();\n"],
    ['CJS: an existing destructuring require gets the name', '/r/a.js', "const { a } = require('./logger');\nf();\n", logger('./logger'), "const { a, logger } = require('./logger');\nf();\n"],
    ['CJS: a multi-line destructuring keeps its lines', '/r/a.js', "const {\n  a,\n  b\n} = require('./logger');\nf();\n", logger('./logger'), "const {\n  a,\n  b,\n  logger\n} = require('./logger');\nf();\n"],
    ['CJS: an existing default require is reused', '/r/a.js', "const logger = require('./logger');\nf();\n", logger('./logger', 'default'), "const logger = require('./logger');\nf();\n"],
    ['CJS: below require(dotenv).config()', '/r/a.js', "require('dotenv').config();\nconst x = 1;\nfoo();\n", logger('./logger'), "require('dotenv').config();\nconst { logger } = require('./logger');\nconst x = 1;\nfoo();\n"],
    ['CJS: below a tracing start', '/r/a.js', "const tracer = require('./tracing');\ntracer.start();\nconst app = require('express')();\n", logger('./logger'), "const tracer = require('./tracing');\ntracer.start();\nconst { logger } = require('./logger');\nconst app = require('express')();\n"],
    ['CJS: below a must-be-first statement', '/r/a.js', "// must be first\nprocess.env.TZ = 'UTC';\nfoo();\n", logger('./logger'), "// must be first\nprocess.env.TZ = 'UTC';\nconst { logger } = require('./logger');\nfoo();\n"],
    ['CJS: a #! line stays first', '/r/a.js', '#!/usr/bin/env node\nfoo();\n', logger('l', 'default'), "#!/usr/bin/env node\nconst logger = require('l');\nfoo();\n"],
    ['ESM: a #! line stays first above a block statement', '/r/cli.ts', '#!/usr/bin/env node\nif (process.argv.length > 2) {\n  run();\n}\n', logger('./log'), "#!/usr/bin/env node\nimport { logger } from './log';\nif (process.argv.length > 2) {\n  run();\n}\n"],
    ['CJS: a licence header stays above a new require, with a declaration of two names first', '/r/a.js', '// Copyright Acme\nconst a = 1, b = 2;\nrun(a, b);\n', logger('./log'), "// Copyright Acme\nconst { logger } = require('./log');\nconst a = 1, b = 2;\nrun(a, b);\n"],
    ['CJS: #! and a header comment stay on top', '/r/a.js', '#!/usr/bin/env node\n// hello\n\nfoo();\n', logger('l', 'default'), "#!/usr/bin/env node\n// hello\n\nconst logger = require('l');\nfoo();\n"],
    ['CJS: #! and use strict', '/r/a.js', "#!/usr/bin/env node\n'use strict';\n\nfoo();\n", logger('l'), "#!/usr/bin/env node\n'use strict';\nconst { logger } = require('l');\n\nfoo();\n"],
    ['ESM: right below the directives at the top', '/r/a.mjs', "'use strict';\n\nexport async function start() {\n  go();\n}\n", logger('./log'), "'use strict';\nimport { logger } from './log';\n\nexport async function start() {\n  go();\n}\n"],
    ['CJS: a file of a directive only', '/r/a.js', "'use strict';\n", logger('./logger'), "'use strict';\nconst { logger } = require('./logger');\n"],
    ['CJS: a file of comments only keeps them', '/r/a.js', '// only a comment\n', logger('./logger'), "// only a comment\nconst { logger } = require('./logger');\n"],
    ['CJS: an empty file', '/r/a.js', '', logger('./logger'), "const { logger } = require('./logger');\n"],
    ['CJS: tab indentation of the anchor', '/r/a.js', "\tconst a = require('a');\n\tfoo();\n", logger('./logger'), "\tconst a = require('a');\n\tconst { logger } = require('./logger');\n\tfoo();\n"],
  ])('%s', (_rule, file, source, req, expected) => {
    expect(run(file, source, req).code).toBe(expected);
  });

  it('returns the local name and whether it added the import', () => {
    expect(run('/r/a.ts', "import { logger } from './log';\n", logger('./log'))).toMatchObject({ local: 'logger', added: false });
    expect(run('/r/a.ts', "import x from 'x';\nconst logger = 1;\n", logger('./log'))).toMatchObject({ local: 'logger2', added: true });
  });

  it('remembers what it added in the file: the same request again adds nothing, a second name joins the new line', () => {
    const seen: unknown[] = [];
    const probe = probeEditTransform((root, ctx) => {
      seen.push(ensureImportEdit(ctx, root, logger('./log')));
      seen.push(ensureImportEdit(ctx, root, logger('./log')));
      seen.push(ensureImportEdit(ctx, root, { source: './log', name: 'runShutdown', kind: 'named' }));
    });
    expect(runWith('/r/a.js', "const a = require('a');\nfoo();\n", [probe])).toBe("const a = require('a');\nconst { logger, runShutdown } = require('./log');\nfoo();\n");
    expect(seen).toEqual([
      { local: 'logger', added: true },
      { local: 'logger', added: false },
      { local: 'runShutdown', added: true },
    ]);
  });

  it('a later transform of the same pass reuses the import an earlier one added instead of declaring it twice', () => {
    const locals: string[] = [];
    const first = probeEditTransform((root, ctx) => void locals.push(ensureImportEdit(ctx, root, logger('./log')).local), 'first');
    const second = probeEditTransform((root, ctx) => void locals.push(ensureImportEdit(ctx, root, logger('./log')).local), 'second');
    expect(runWith('/r/a.ts', "import a from 'a';\nfoo();\n", [first, second])).toBe("import a from 'a';\nimport { logger } from './log';\nfoo();\n");
    // `first` also runs again on the result (the new line is code its always-true prefilter takes as work).
    expect(new Set(locals)).toEqual(new Set(['logger']));
  });

  it('a name added for one module is not given to another', () => {
    const probe = probeEditTransform((root, ctx) => {
      ensureImportEdit(ctx, root, logger('./log'));
      ensureImportEdit(ctx, root, logger('./other'));
    });
    expect(runWith('/r/a.ts', "import a from 'a';\n", [probe])).toBe("import a from 'a';\nimport { logger } from './log';\nimport { logger as logger2 } from './other';\n");
  });
});

describe('insertPlacedEdit', () => {
  const prog = (root: any) => root.get().node.program;
  const fn = (root: any) => root.get().node.program.body.find((s: any) => s.type === 'FunctionDeclaration').body;
  const place = (file: string, source: string, pick: (root: any) => any, index: number, code: string, attach: 'after' | 'before', opts: { spaced?: boolean; program?: boolean; top?: boolean } = {}) => {
    let at = -1;
    const probe = probeEditTransform((root, ctx: AstContext) => {
      const block = pick(root);
      at = insertPlacedEdit(ctx, block.body, index, code, attach, { ...opts, block });
    });
    return { code: runWith(file, source, [probe]), at };
  };

  it.each<[string, string, (root: any) => any, number, string, 'after' | 'before', object, string]>([
    ['after the previous statement', "const app = express();\n\napp.listen(1);\n", prog, 1, 'app.use(mw);', 'after', {}, "const app = express();\napp.use(mw);\n\napp.listen(1);\n"],
    ['before the next statement and its comments', "const app = express();\n// routes\napp.get('/', h);\n", prog, 1, 'app.use(mw);', 'before', {}, "const app = express();\napp.use(mw);\n// routes\napp.get('/', h);\n"],
    ['below a trailing comment on the line', "const app = express(); // app\napp.get('/', h);\n", prog, 1, 'app.use(mw);', 'after', {}, "const app = express(); // app\napp.use(mw);\napp.get('/', h);\n"],
    ['several lines: set off by a blank line, after', "const app = express();\napp.get('/', h);\n", prog, 1, 'process.on("x", () => {\n  stop();\n});', 'after', {}, "const app = express();\n\nprocess.on(\"x\", () => {\n  stop();\n});\napp.get('/', h);\n"],
    ['several lines: set off by a blank line, before', "const app = express();\napp.get('/', h);\n", prog, 1, 'process.on("x", () => {\n  stop();\n});', 'before', {}, "const app = express();\nprocess.on(\"x\", () => {\n  stop();\n});\n\napp.get('/', h);\n"],
    ['one line set off when asked', "const a = 1;\nb();\n", prog, 1, 'c();', 'after', { spaced: true }, "const a = 1;\n\nc();\nb();\n"],
    ['in a block, indented like it, every line', "function main() {\n  run();\n}\n", fn, 1, 'if (x) {\n  y();\n}', 'after', {}, "function main() {\n  run();\n\n  if (x) {\n    y();\n  }\n}\n"],
    ['below the declaration of a name it uses (const declared later)', "function main() {\n  run(a);\n  const a = 1;\n}\n", fn, 0, 'log(a);', 'before', {}, "function main() {\n  run(a);\n  const a = 1;\n  log(a);\n}\n"],
    ['below the declaration of a var (hoisted as undefined)', "app();\nvar mw = require('m');\nlater();\n", prog, 0, 'app.use(mw);', 'before', {}, "app();\nvar mw = require('m');\napp.use(mw);\nlater();\n"],
    ['below a preamble in a program', "require('newrelic');\nconst x = 1;\n", prog, 0, 'go();', 'before', { program: true }, "require('newrelic');\ngo();\nconst x = 1;\n"],
    ['not below a preamble outside a program', "function main() {\n  require('newrelic');\n  x();\n}\n", fn, 0, 'go();', 'before', {}, "function main() {\n  go();\n  require('newrelic');\n  x();\n}\n"],
    ['into an empty block', 'function main() {}\n', fn, 0, 'go();', 'after', {}, 'function main() {\n  go();\n}\n'],
    ['into a block with only a directive', "function main() {\n  'use strict';\n}\n", fn, 0, 'go();', 'after', {}, "function main() {\n  'use strict';\n  go();\n}\n"],
  ])('%s', (_rule, source, pick, index, code, attach, opts, expected) => {
    expect(place('/r/a.js', source, pick, index, code, attach, opts).code).toBe(expected);
  });

  it('returns the index it used', () => {
    expect(place('/r/a.js', "app();\nvar mw = 1;\nlater();\n", prog, 0, 'app.use(mw);', 'before').at).toBe(2);
    expect(place('/r/a.js', "app();\nlater();\n", prog, 1, 'x();', 'before').at).toBe(1);
  });

  it('places code that does not parse on its own (a private field) below every word it names', () => {
    const source = "class A {\n  #x = 1;\n  m() {\n    run();\n    const y = 2;\n  }\n}\n";
    const method = (root: any) => root.get().node.program.body[0].body.body[1].body;
    expect(place('/r/a.js', source, method, 0, 'this.#x = y;', 'before').code).toBe("class A {\n  #x = 1;\n  m() {\n    run();\n    const y = 2;\n    this.#x = y;\n  }\n}\n");
  });
});
