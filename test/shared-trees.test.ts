import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config/load';
import { parserFor } from '../src/engine/parser';
import { parseToShare, sharedTree, shareTrees, wantedByTransforms } from '../src/engine/shared-trees';
import { transformFile } from '../src/engine/transform-file';
import { buildFleet } from '../src/fleet/build';
import { consoleToLogger } from '../transforms/console-to-logger';
import { resolveOptions } from '../src/config/options';
import { tempTree } from './helpers/cli';

let sharing: { release(): void } | null = null;
afterEach(() => sharing?.release());

describe('trees the fleet parsed, taken by the transforms', () => {
  it('keeps a tree only for a text a transform wants and that parses, and gives it for that text alone until released', () => {
    sharing = shareTrees((_f, source) => source.includes('console'));
    expect(parseToShare('/r/a.js', 'const x = 1;\n')).toBeUndefined();
    // A file with a syntax error: the fleet parses it with error recovery, the transforms report it.
    expect(parseToShare('/r/b.js', "console.log('a'\n")).toBeUndefined();
    const tree = parseToShare('/r/c.js', "console.log('a');\n");
    expect(tree?.program.body).toHaveLength(1);
    expect(sharedTree('/r/c.js', "console.log('b');\n")).toBeUndefined();
    expect(sharedTree('/r/c.js', "console.log('a');\n")).toBe(tree);
    expect(sharedTree('/r/c.js', "console.log('a');\n")).toBe(tree);
    sharing.release();
    expect(sharedTree('/r/c.js', "console.log('a');\n")).toBeUndefined();
  });

  it('wantedByTransforms asks each AST transform prefilter', () => {
    const wants = wantedByTransforms([consoleToLogger], {});
    expect(wants('/r/a.js', "console.log('a');\n")).toBe(true);
    expect(wants('/r/a.js', 'export const a = 1;\n')).toBe(false);
  });

  it('parses a workspace package file two services load once, and the transform pass reads that tree with the same result', () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ workspaces: ['services/*', 'packages/*'] }),
      'services/a/package.json': JSON.stringify({ name: 'a', main: 'index.js', dependencies: { '@acme/db': '*' } }),
      'services/a/index.js': "require('@acme/db');\n",
      'services/b/package.json': JSON.stringify({ name: 'b', main: 'index.js', dependencies: { '@acme/db': '*' } }),
      'services/b/index.js': "require('@acme/db');\n",
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'index.js' }),
      'packages/db/index.js': "const { Pool } = require('pg');\nconst pool = new Pool();\nconsole.log('pool ready');\nmodule.exports = pool;\n",
    });
    const file = path.join(dir, 'packages/db/index.js');
    const asked: string[] = [];
    sharing = shareTrees((f) => {
      asked.push(f);
      return true;
    });
    const files = fg.sync('**/*.js', { cwd: dir, absolute: true });
    const fleet = buildFleet(loadConfig(dir), { files });
    for (const name of ['a', 'b']) expect(fleet.services.find((s) => s.name === name)!.facts.resources).toMatchObject([{ kind: 'pg', binding: 'pool' }]);
    expect(asked.filter((f) => f === file)).toHaveLength(1);

    const source = fs.readFileSync(file, 'utf8');
    const options = { 'console-to-logger': resolveOptions(consoleToLogger, { import: './log' }, 'test') };
    const input = { path: file, relPath: 'packages/db/index.js', root: dir, source, role: 'runtime' as const };
    // The transform pass reads the fleet's tree: it parses the file only to check its result.
    const light = vi.spyOn(parserFor(file), 'light');
    try {
      const shared = transformFile(input, [consoleToLogger], options);
      expect(light).not.toHaveBeenCalled();
      sharing.release();
      expect(transformFile(input, [consoleToLogger], options)).toEqual(shared);
      expect(light).toHaveBeenCalledTimes(1);
      expect(shared.status).toBe('changed');
    } finally {
      light.mockRestore();
    }
  });
});
