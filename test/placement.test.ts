import { describe, expect, it, vi } from 'vitest';
import { ensureImportEdit } from '../src/ast/edit-imports';
import { insertPlacedEdit } from '../src/ast/edit-placement';
import { placementIndex, preambleLength } from '../src/ast/placement';
import { transformFile } from '../src/engine/transform-file';
import { probeEditTransform } from './helpers/probe';
import jscodeshift from 'jscodeshift';
import { parserFor } from '../src/engine/parser';

function body(file: string, source: string): any[] {
  const j = jscodeshift.withParser(parserFor(file) as any);
  return j(source).get().node.program.body;
}

const statement = (code: string) => body('/r/a.js', code)[0];

/** A transform that adds a require of `./m` and, at `index`, a statement using it, through the engine. */
function withUse(file: string, source: string, index: number, use: string): string {
  const probe = probeEditTransform((root, ctx) => {
    ensureImportEdit(ctx, root, { source: './m', name: 'mw', kind: 'named' });
    insertPlacedEdit(ctx, root.get().node.program.body, index, use, 'after');
  });
  const out = transformFile({ path: file, relPath: file, root: '/r', source }, [probe], {});
  expect(out.error).toBeUndefined();
  return out.output!;
}

describe('inserted statements', () => {
  it('parses each inserted statement once per kind of file, and places it by its own names each time', () => {
    const check = vi.spyOn(parserFor('/r/a.js'), 'check');
    try {
      const use = 'app.use(mw({ once: true }));';
      const first = withUse('/r/a.js', "const express = require('express');\nconst app = express();\nmodule.exports = app;\n", 2, use);
      const parses = check.mock.calls.filter(([code]) => code === use).length;
      const second = withUse('/r/b.js', "const app = require('./app');\nmodule.exports = app;\n", 1, use);
      expect(check.mock.calls.filter(([code]) => code === use).length).toBe(parses);
      expect(parses).toBe(1);
      expect(first).toContain(`const app = express();\n${use}`);
      expect(second.indexOf(use)).toBeGreaterThan(second.indexOf("const app = require('./app');"));
    } finally {
      check.mockRestore();
    }
  });
});

describe('preambleLength', () => {
  it.each([
    ["require('newrelic');\nconst a = 1;", 1],
    ["require('dotenv').config();\nconst express = require('express');", 1],
    ["const tracer = require('dd-trace').init();\nconst x = require('x');", 1],
    ["require('elastic-apm-node').start({ serviceName: 'a' });\nconst x = 1;", 1],
    ["import 'dotenv/config';\nimport express from 'express';", 1],
    ["import './tracing';\nimport express from 'express';", 1],
    ["const sdk = require('./instrumentation');\nsdk.start();\nconst express = require('express');", 2],
    ["// init tracing: MUST be done before loading anything else\nconst t = require('./t');\nt.go();\nconst e = require('e');", 2],
    ['// Must be first\nprocess.env.TZ = "UTC";\nconst e = require("e");', 1],
    ["const express = require('express');\nconst app = express();", 0],
    ["const dotenvLike = require('./config');\nconst a = 1;", 0],
  ])('%j → %i', (source, expected) => {
    expect(preambleLength(body('/r/a.js', source))).toBe(expected);
  });
});

describe('placementIndex', () => {
  it.each([
    ['var', 'var mw = 1;'],
    ['let', 'let mw = 1;'],
    ['const', 'const { mw } = require("m");'],
    ['function', 'function mw() {}'],
    ['class', 'class mw {}'],
    ['import', 'import { mw } from "m";'],
    ['a declarator of several', 'var a = 1, mw = 2, b = 3;'],
  ])('puts a use after a %s declaration', (_kind, declaration) => {
    const list = body('/r/a.mjs', `app();\n${declaration}\nlater();`);
    expect(placementIndex(list, 0, statement('app.use(mw);'))).toBe(2);
  });

  it('keeps the index when nothing the statement uses is declared later, and ignores property names', () => {
    const list = body('/r/a.js', 'const app = 1;\nconst use = 2;\nvar x = { mw: 1 };');
    expect(placementIndex(list, 1, statement('app.use(x.mw);'))).toBe(3);
    expect(placementIndex(list, 1, statement('app.use({ mw: 1 });'))).toBe(1);
  });
});

describe('inserted statements through the engine', () => {
  it('puts a use below the require it needs when the app is declared in the same var statement as requires', () => {
    const out = withUse('/r/a.js', "var express = require('express'),\n    app = express();\n\napp.listen(1);\n", 1, 'app.use(mw);');
    expect(out.indexOf("var { mw } = require('./m');")).toBeGreaterThan(-1);
    expect(out.indexOf('app.use(mw);')).toBeGreaterThan(out.indexOf("var { mw } = require('./m');"));
  });

  it('puts a require below a tracing preamble and its start call', () => {
    const out = withUse('/r/a.js', "const tracer = require('./tracing');\ntracer.start();\nconst app = require('express')();\n", 3, 'app.use(mw);');
    expect(out).toBe("const tracer = require('./tracing');\ntracer.start();\nconst { mw } = require('./m');\nconst app = require('express')();\napp.use(mw);\n");
  });
});
