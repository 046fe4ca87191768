import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { readOnlyTree } from '../src/ast/apps';
import { claimName, freeName } from '../src/ast/scope';
import { parserFor } from '../src/engine/parser';

const j = jscodeshift.withParser(parserFor('/r/a.js') as any);
const readOnly = (source: string) => readOnlyTree(j(source), source);

describe('free names on read-only trees', () => {
  it('answers from the text when the name is nowhere in it, and from the tree when it may be', () => {
    expect(freeName(j, readOnly("console.log('a');\n"), 'logger')).toBe('logger');
    expect(freeName(j, readOnly("const logger = 1;\nconsole.log('a');\n"), 'logger')).toBe('logger2');
    // Spelled with an escape the text search cannot see: the tree decides.
    expect(freeName(j, readOnly('const logg\\u0065r = 1;\n'), 'logger')).toBe('logger2');
    // In the text only as part of a longer word or a string: the tree says the name is free.
    expect(freeName(j, readOnly("const loggers = 'logger';\n"), 'logger')).toBe('logger');
  });

  it('claims each name once per tree, whatever the text says', () => {
    const root = readOnly('app.listen(3000);\n');
    expect(claimName(j, root, 'server')).toBe('server');
    expect(claimName(j, root, 'server')).toBe('server2');
  });
});
