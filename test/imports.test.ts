import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { ensureImport, moduleSystem } from '../src/ast/imports';
import { parserFor } from '../src/engine/parser';
import { transformFile } from '../src/engine/transform-file';
import { probeTransform } from './helpers/probe';
import { specifierFor, specifierMatches, isModuleFile } from '../src/ast/modules';

/** Runs ensureImport through the real engine (print, inserted-line spacing, reparse). */
function run(file: string, source: string, req: Parameters<typeof ensureImport>[3]) {
  let result = { local: '', added: false };
  const probe = probeTransform((root, ctx) => {
    result = ensureImport(ctx.j, root, file, req, ctx.style);
  });
  const out = transformFile({ path: file, relPath: file, root: '/r', source }, [probe], {});
  expect(out.error).toBeUndefined();
  return { ...result, code: out.output ?? source };
}

describe('ensureImport', () => {
  it('adds an ESM import after the last import', () => {
    const r = run('/r/a.ts', "import a from 'a';\nimport b from 'b';\n\nfoo();\n", { source: '@acme/shared', name: 'logger', kind: 'named' });
    expect(r.code).toBe("import a from 'a';\nimport b from 'b';\nimport { logger } from '@acme/shared';\n\nfoo();\n");
    expect(r.local).toBe('logger');
  });
  it('merges into an existing import of the same module', () => {
    const r = run('/r/a.ts', "import { x } from '@acme/shared';\nfoo();\n", { source: '@acme/shared', name: 'logger', kind: 'named' });
    expect(r.code).toBe("import { x, logger } from '@acme/shared';\nfoo();\n");
  });
  it('reuses an existing binding and ignores type-only imports', () => {
    expect(run('/r/a.ts', "import { logger } from '@acme/shared';\n", { source: '@acme/shared', name: 'logger', kind: 'named' }).added).toBe(false);
    const typeOnly = run('/r/a.ts', "import type { logger } from '@acme/shared';\nfoo();\n", { source: '@acme/shared', name: 'logger', kind: 'named' });
    expect(typeOnly.added).toBe(true);
    expect(typeOnly.local).toBe('logger2');
  });
  it('aliases on a clash with another binding', () => {
    const r = run('/r/a.ts', "import x from 'x';\nconst logger = new AuditLogger();\n", { source: './log', name: 'logger', kind: 'named' });
    expect(r.local).toBe('logger2');
    expect(r.code).toContain("import { logger as logger2 } from './log';");
  });
  it('adds a CommonJS require after use strict and the leading requires', () => {
    const r = run('/r/a.js', "'use strict';\nconst express = require('express');\n\nconst app = express();\n", { source: './logger', name: 'logger', kind: 'named' });
    expect(r.code).toBe("'use strict';\nconst express = require('express');\nconst { logger } = require('./logger');\n\nconst app = express();\n");
  });
  it('extends an existing destructuring require', () => {
    const r = run('/r/a.js', "const { a } = require('./logger');\nf();\n", { source: './logger', name: 'logger', kind: 'named' });
    expect(r.code).toBe("const { a, logger } = require('./logger');\nf();\n");
  });
  it('keeps a file header comment above a new top import', () => {
    const r = run('/r/a.ts', '// Copyright header\nfoo();\n', { source: 'l', name: 'logger', kind: 'default' });
    expect(r.code).toBe("// Copyright header\nimport logger from 'l';\nfoo();\n");
  });
});

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
