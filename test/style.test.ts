import { describe, expect, it } from 'vitest';
import { settleInsertedStatements, INSERT_MARK } from '../src/ast/insert';
import { detectStyle, quoteString } from '../src/ast/style';
import { restoreNoSemicolonStyle } from '../src/engine/semicolons';

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

describe('settleInsertedStatements', () => {
  it('drops the blank line on the side an inserted one-line statement belongs to', () => {
    const after = `import a from 'a';\n\n//${INSERT_MARK}after__\nimport b from 'b';\n\nfoo();\n`;
    expect(settleInsertedStatements(after)).toBe("import a from 'a';\nimport b from 'b';\n\nfoo();\n");
    const before = `const app = express();\n\n//${INSERT_MARK}before__\napp.use(x);\n\napp.use(y);\n`;
    expect(settleInsertedStatements(before)).toBe('const app = express();\n\napp.use(x);\napp.use(y);\n');
  });
  it('keeps blank lines around a multi-line inserted statement', () => {
    const multi = `listen();\n\n//${INSERT_MARK}after__\nprocess.once('SIGTERM', () => {\n  stop();\n});\n`;
    expect(settleInsertedStatements(multi)).toBe("listen();\n\nprocess.once('SIGTERM', () => {\n  stop();\n});\n");
  });
});
