import path from 'node:path';
import fg from 'fast-glob';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { moduleBindings, readOnlyTree } from '../src/ast/apps';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { tempTree } from './helpers/cli';

/** The fleet parses a graph file only when its text can hold a fact: these are the edges of those text tests. */
function factsOf(files: Record<string, string>) {
  const dir = tempTree({ 'package.json': JSON.stringify({ name: 'svc', main: 'src/index.js' }), ...files });
  const all = fg.sync('**/*.{js,ts}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const s = buildFleet(loadConfig(dir), { files: all }).services.find((x) => x.name === '(root)')!;
  return { facts: s.facts, rel: (p: string) => path.relative(dir, p) };
}

describe('fleet facts: which files are parsed', () => {
  it('finds a project logger written with quoted keys, method shorthand or exports.level, and not a file that only calls logger methods', () => {
    const quoted = factsOf({
      'src/index.js': "const log = require('./log');\nlog.info('up');\nlog.error('down');\n",
      'src/log.js': "// the service's logger\nmodule.exports = { 'info': (m) => process.stdout.write(m), \"error\": function (m, e) { process.stderr.write(m); } };\n",
    });
    expect(quoted.facts.logger).toMatchObject({ library: 'custom', methods: { info: 1, error: 2 } });
    expect(quoted.rel(quoted.facts.logger!.module)).toBe('src/log.js');

    const shorthand = factsOf({ 'src/index.ts': "import { log } from './log';\nlog.warn('x');\n", 'src/log.ts': '// logger\nexport const log = {\n  warn(m: string) {},\n  debug<T>(m: T) {},\n};\n' });
    expect(shorthand.facts.logger).toMatchObject({ library: 'custom', exportName: 'log', methods: { warn: 1, debug: 1 } });

    const calls = factsOf({ 'src/index.js': "const logger = require('./other');\nexports.run = () => { logger.info('a'); logger.error('b'); };\n" });
    expect(calls.facts.logger).toBeUndefined();
  });

  it('finds an app created through an aliased import, and none in a router file that only exports', () => {
    const aliased = factsOf({ 'src/index.ts': "import make from 'express';\nconst web = make();\nexport default web;\nweb.listen(3000);\n" });
    expect(aliased.facts.apps).toMatchObject([{ framework: 'express', binding: 'web', listens: { line: 4 } }]);

    const router = factsOf({ 'src/index.js': "const { Router } = require('express');\nconst r = Router();\nmodule.exports = r;\n" });
    expect(router.facts.apps).toEqual([]);
  });

  it('a runtime file babel cannot parse gives no tree facts and no crash, its text facts still count', () => {
    const { facts } = factsOf({ 'src/index.js': "const { Pool } = require('pg');\nconst pool = new Pool(\napp.get('/healthz', h);\n" });
    expect(facts.resources).toEqual([]);
    expect(facts.routes.map((r) => r.path)).toEqual(['/healthz']);
  });
});

describe('fleet facts where the text test lets the tree decide', () => {
  it('finds the app of a whole binding beside a named one, and no app in a router file', () => {
    const app = factsOf({ 'src/index.js': "const { Router, default: make } = require('express');\nconst web = make();\nmodule.exports = web;\n" });
    expect(app.facts.apps).toMatchObject([{ framework: 'express', binding: 'web' }]);
    const router = factsOf({ 'src/index.js': "const { Router } = require('express');\nconst r = Router();\nmodule.exports = r;\n" });
    expect(router.facts.apps).toEqual([]);
  });

  it('finds a pool created through a whole binding or a named creator, none from a named helper import', () => {
    const whole = factsOf({ 'src/index.ts': "import connect from 'knex';\nexport const db = connect({ client: 'pg' });\n" });
    expect(whole.facts.resources).toMatchObject([{ kind: 'knex', binding: 'db', close: 'db.destroy()' }]);
    const named = factsOf({ 'src/index.js': "const { Pool } = require('pg');\nconst pool = new Pool();\nmodule.exports = pool;\n" });
    expect(named.facts.resources).toMatchObject([{ kind: 'pg', binding: 'pool' }]);
    const helper = factsOf({ 'src/index.js': "const { types } = require('pg');\ntypes.setTypeParser(20, Number);\n" });
    expect(helper.facts.resources).toEqual([]);
  });
});

describe('moduleBindings on read-only trees', () => {
  const j = jscodeshift.withParser('babel');
  it('answers every module list from one index of a read-only tree, and re-reads an edited tree', () => {
    const ro = readOnlyTree(j("const a = require('a');\nimport b from 'b';\n"));
    expect([...moduleBindings(j, ro, ['a']).whole]).toEqual(['a']);
    expect([...moduleBindings(j, ro, ['b']).whole]).toEqual(['b']);

    const edited = j("const a = require('a');\n");
    expect(moduleBindings(j, edited, ['c']).whole.size).toBe(0);
    edited.find(j.Program).get('body').unshift(j.template.statement([`const c = require('c');\n`]));
    expect([...moduleBindings(j, edited, ['c']).whole]).toEqual(['c']);
  });
});
