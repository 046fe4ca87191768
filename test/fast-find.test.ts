import fs from 'node:fs';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { findPaths, visitorFind } from '../src/ast/fast-find';
import { isJsLike, parserFor } from '../src/engine/parser';

const FIXTURES = path.join(__dirname, '..', '__testfixtures__');
const TYPES = ['Node', 'Identifier', 'CallExpression', 'Function', 'Statement', 'Expression', 'VariableDeclarator', 'MemberExpression', 'ImportDeclaration', 'TemplateLiteral', 'TSTypeAnnotation'];

function fixtureSources(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(FIXTURES)) {
    for (const file of fs.readdirSync(path.join(FIXTURES, dir))) if (isJsLike(file)) out.push(path.join(FIXTURES, dir, file));
  }
  return out;
}

describe('fast find', () => {
  it('is installed in place of the visitor', () => {
    expect(visitorFind).toBeTypeOf('function');
    const j = jscodeshift.withParser(parserFor('a.ts'));
    expect((j('x') as any).find).not.toBe(visitorFind);
  });

  it('gives the visitor’s paths, same objects in the same order, on every fixture', () => {
    const files = fixtureSources();
    expect(files.length).toBeGreaterThan(100);
    let compared = 0;
    for (const file of files) {
      const j = jscodeshift.withParser(parserFor(file));
      const root = j(fs.readFileSync(file, 'utf8'));
      for (const type of TYPES) {
        const fast = findPaths(root.paths()[0], type);
        const slow = visitorFind!.call(root, (j as any)[type]).paths();
        expect(fast.length, `${path.relative(FIXTURES, file)} ${type}`).toBe(slow.length);
        fast.forEach((p, i) => expect(p, `${path.relative(FIXTURES, file)} ${type} #${i}`).toBe(slow[i]));
        compared += fast.length;
      }
      // From a path below the root, and with a filter.
      const fn = root.find(j.Function).paths()[0];
      if (fn) {
        const filter = { callee: { type: 'MemberExpression' } };
        const fast = findPaths(fn, 'CallExpression', filter);
        const slow = visitorFind!.call(j(fn), j.CallExpression, filter).paths();
        expect(fast).toEqual(slow);
        fast.forEach((p, i) => expect(p).toBe(slow[i]));
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });
});
