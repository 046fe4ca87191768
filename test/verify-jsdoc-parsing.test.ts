import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTypeScript, parseProject, ProjectHost } from '../src/verify/typescript';
import { tempTree } from './helpers/cli';

/**
 * Issue 14 (peak memory): programs parse JSDoc as tsc does, only where it can matter to an error.
 * The comments of TypeScript files (above all the lib files', lib.dom.d.ts) are not parsed into
 * trees that stay live for the whole verification; JavaScript's JSDoc types are still checked.
 */
describe('JSDoc parsing of verification programs', () => {
  const dir = tempTree({
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, allowJs: true, checkJs: true, noEmit: true, types: [] }, include: ['src'] }),
    'src/a.ts': '/** The port. */\nexport const port: number = 3000;\n',
    'src/b.js': "/** @type {number} */\nexport const n = 'not a number';\n",
  });
  const { ts } = loadTypeScript(dir);
  const program = new ProjectHost(ts, parseProject(ts, path.join(dir, 'tsconfig.json'), [])).program(new Map());

  it("skips a TypeScript file's comments, the lib files' included", () => {
    const a = program.getSourceFile(path.join(dir, 'src/a.ts'))!;
    expect((a.statements[0] as { jsDoc?: unknown[] }).jsDoc).toBeUndefined();
    const es5 = program.getSourceFiles().find((f) => f.fileName.endsWith('lib.es5.d.ts'))!;
    expect(es5.statements.some((s) => (s as { jsDoc?: unknown[] }).jsDoc)).toBe(false);
  });

  it("still checks a JavaScript file's JSDoc types", () => {
    const b = program.getSourceFile(path.join(dir, 'src/b.js'))!;
    expect(program.getSemanticDiagnostics(b).map((d) => d.code)).toEqual([2322]);
  });
});
