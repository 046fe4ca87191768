import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { moduleSystem } from '../src/ast/imports';
import { parserFor } from '../src/engine/parser';
import { specifierFor, specifierMatches, isModuleFile } from '../src/ast/modules';

describe('moduleSystem', () => {
  const sys = (file: string, src: string) => {
    const j = jscodeshift.withParser(parserFor(file));
    return moduleSystem(j, j(src), file);
  };
  it('decides by extension, then by syntax', () => {
    expect(sys('/a.cjs', 'foo()')).toBe('cjs');
    expect(sys('/a.mjs', 'foo()')).toBe('esm');
    expect(sys('/a.js', "const a = require('a')")).toBe('cjs');
    expect(sys('/a.js', "import a from 'a'")).toBe('esm');
    expect(sys('/a.js', 'module.exports = 1')).toBe('cjs');
    expect(sys('/a.ts', 'foo()')).toBe('esm');
  });
  it('follows the nearest package.json "type" for a plain .js file with no module syntax', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-type-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    expect(sys(path.join(dir, 'src', 'a.js'), 'foo()')).toBe('esm');
  });
});

describe('module specifiers', () => {
  it('writes configured paths relative to each file', () => {
    expect(specifierFor('./src/lib/logger', '/r', '/r/src/routes/a.ts')).toBe('../lib/logger');
    expect(specifierFor('./src/lib/logger.ts', '/r', '/r/src/lib/x.ts')).toBe('./logger');
    expect(specifierFor('@acme/shared', '/r', '/r/src/a.ts')).toBe('@acme/shared');
  });
  it('recognises the module under any relative spelling', () => {
    expect(specifierMatches('../lib/logger.js', '/r/src/routes/a.ts', './src/lib/logger', '/r')).toBe(true);
    expect(specifierMatches('../lib', '/r/src/routes/a.ts', './src/lib/index', '/r')).toBe(true);
    expect(specifierMatches('./other', '/r/src/a.ts', './src/lib/logger', '/r')).toBe(false);
    expect(isModuleFile('/r/src/lib/logger.ts', './src/lib/logger', '/r')).toBe(true);
  });
});
