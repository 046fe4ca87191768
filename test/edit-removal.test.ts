import { parse } from '@babel/parser';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { removeListItems, removeStatement } from '../src/ast/edit-removal';
import { applyEdits, SourceEdits } from '../src/engine/edits';
import { importUsage, removeNewlyUnusedImportEdits } from '../src/ast/unused-imports';

const parsed = (source: string) => parse(source, { sourceType: 'module', plugins: ['typescript'] });
const spliced = (edit: SourceEdits) => applyEdits(edit.source, edit.list);

describe('removeStatement (edits)', () => {
  const removeNth = (source: string, n: number, withComments = false) => {
    const edit = new SourceEdits(source, 't');
    removeStatement(edit, parsed(source).program.body[n], withComments);
    return spliced(edit);
  };

  it('takes its lines and one of the blank lines around it', () => {
    expect(removeNth('a();\n\nb(\n  1,\n);\n\nc();\n', 1)).toBe('a();\n\nc();\n');
  });

  it('takes the blank line above it at the end of the file or a block', () => {
    expect(removeNth('a();\n\nb();\n', 1)).toBe('a();\n');
    expect(removeNth('a();\nb();\n\nc();\n', 1)).toBe('a();\n\nc();\n');
  });

  it('takes its own-line comments only when asked, and its same-line comment always', () => {
    expect(removeNth('a();\n// about b\nb(); // note\nc();\n', 1, true)).toBe('a();\nc();\n');
    expect(removeNth('a();\n// about b\nb(); // note\nc();\n', 1)).toBe('a();\n// about b\nc();\n');
  });

  it('inside a line, only the statement and the spaces after it go', () => {
    expect(removeNth('a(); b(); c();\n', 1)).toBe('a(); c();\n');
  });
});

describe('removeListItems', () => {
  const args = (source: string) => (parsed(source).program.body[0] as any).expression.arguments;
  const without = (source: string, indexes: number[]) => {
    const edit = new SourceEdits(source, 't');
    removeListItems(edit, args(source), indexes);
    return spliced(edit);
  };

  it('one line: an item with the comma after it, the last one with the comma before it', () => {
    expect(without('f(a, b, c);', [0])).toBe('f(b, c);');
    expect(without('f(a, b, c);', [1, 2])).toBe('f(a);');
    expect(without('f(a, b, c,);', [2])).toBe('f(a, b,);');
  });

  it('one item a line: the lines go, with their comments', () => {
    expect(without('f(\n  a,\n  b, // b\n  c,\n);', [1])).toBe('f(\n  a,\n  c,\n);');
    expect(without('f(\n  a,\n  b\n);', [1])).toBe('f(\n  a,\n);');
  });
});

describe('removeNewlyUnusedImportEdits', () => {
  const j = jscodeshift.withParser('ts');
  /** Removes the statement at `n` as a rewrite would, then the imports only it used. */
  const after = (source: string, n: number) => {
    const root = j(parsed(source) as any);
    const before = importUsage(j, root);
    const edit = new SourceEdits(source, 't');
    removeStatement(edit, root.get().node.program.body[n]);
    removeNewlyUnusedImportEdits(j, root, edit, before);
    return spliced(edit);
  };

  it('keeps the braces right when a default import stays', () => {
    expect(after("import a, { b } from 'm';\na(); b();\n", 2)).toBe("import a from 'm';\na();\n");
    expect(after("import a, { b, c } from 'm';\na(); c(); b();\n", 3)).toBe("import a, { c } from 'm';\na(); c();\n");
    expect(after("import a, { b } from 'm';\nb(); a();\n", 2)).toBe("import { b } from 'm';\nb();\n");
  });

  it('follows a chain: a destructuring require that only the removed code used, and the module it read', () => {
    expect(after("const winston = require('winston');\nconst { File } = winston.transports;\nkeep();\nuse(new File());\n", 3)).toBe('keep();\n');
  });
});
