import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { fileFactsCache } from '../src/fleet/facts-cache';
import { tempTree } from './helpers/cli';

const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', main: 'src/server.js' }),
  'src/server.js': "const http = require('http');\nconst app = require('./app');\nconst server = http.createServer(app);\nserver.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n",
  'src/app.js': "const express = require('express');\nconst { Pool } = require('pg');\nconst app = express();\nconst pool = new Pool();\nmodule.exports = app;\n",
};

function facts(dir: string, cacheDir?: string) {
  const cache = cacheDir === undefined ? undefined : fileFactsCache(cacheDir, dir);
  const files = fg.sync('**/*.js', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const fleet = buildFleet(loadConfig(dir), { files, ...(cache ? { factsCache: cache } : {}) });
  return { facts: fleet.services.find((s) => s.name === '(root)')!.facts, stats: cache?.stats };
}

describe('the fleet facts cache across runs', () => {
  it('gives the facts of an uncached build, parsing nothing the second time, however often the app is joined to its server', () => {
    const dir = tempTree(SERVICE);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-facts-'));
    const plain = facts(dir).facts;
    expect(plain.apps).toMatchObject([{ framework: 'express', listens: { line: 4 } }]);
    const cold = facts(dir, cacheDir);
    expect(cold.stats).toEqual({ hits: 0, misses: 2 });
    for (let i = 0; i < 2; i++) {
      const warm = facts(dir, cacheDir);
      expect(warm.stats).toEqual({ hits: 2, misses: 0 });
      expect(warm.facts).toStrictEqual(plain);
    }
    expect(cold.facts).toStrictEqual(plain);
  });

  it('parses a file again when its text changed, and ignores a broken or foreign cache file', () => {
    const dir = tempTree(SERVICE);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-facts-'));
    facts(dir, cacheDir);
    fs.writeFileSync(path.join(dir, 'src/app.js'), "const express = require('express');\nconst app = express();\nmodule.exports = app;\n");
    const changed = facts(dir, cacheDir);
    expect(changed.stats).toEqual({ hits: 1, misses: 1 });
    expect(changed.facts.resources).toEqual([]);
    expect(changed.facts).toStrictEqual(facts(dir).facts);

    const [stored] = fg.sync('facts-v*/*.json', { cwd: cacheDir, absolute: true });
    fs.writeFileSync(stored, '{ not json');
    expect(facts(dir, cacheDir).stats).toEqual({ hits: 0, misses: 2 });
    const entry = JSON.parse(fs.readFileSync(stored, 'utf8'));
    fs.writeFileSync(stored, JSON.stringify({ ...entry, shipshape: 'another build' }));
    expect(facts(dir, cacheDir).stats).toEqual({ hits: 0, misses: 2 });
  });
});
