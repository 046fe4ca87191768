import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { withCompiledSources } from '../src/fleet/deploy';
import { tempTree } from './helpers/cli';

const svc = path.join('/repo', 'services', 'pay');
const src = path.join(svc, 'src');

describe('build context of an image that copies compiled output', () => {
  it('counts the source root as inside when the image copies a dist folder the tree does not hold', () => {
    const ctx = [path.join(svc, 'dist'), path.join(svc, 'package.json')];
    expect(withCompiledSources(ctx, src, undefined, () => false)).toEqual([path.join(svc, 'dist'), path.join(svc, 'package.json'), src].sort());
  });

  it('counts it when the copied folder is the tsconfig outDir, whatever its name', () => {
    const out = path.join(svc, 'compiled');
    expect(withCompiledSources([out], src, out, () => true)).toEqual([out, src].sort());
  });

  it('leaves a context alone that copies sources, or a dist folder committed to the tree', () => {
    expect(withCompiledSources([svc], src, undefined, () => false)).toEqual([svc]);
    expect(withCompiledSources([path.join(svc, 'dist')], src, undefined, () => true)).toEqual([path.join(svc, 'dist')]);
  });
});

describe('build context of a Dockerfile no compose file names', () => {
  const svcPkg = (name: string) => JSON.stringify({ name, main: 'index.js', dependencies: { express: '^4.18.0' } });
  const app = "const express = require('express');\nexpress().listen(3000);\n";
  const contextOf = (files: Record<string, string>, service: string) => {
    const dir = tempTree(files);
    const fleet = buildFleet(loadConfig(dir));
    const s = fleet.services.find((x) => x.name === service)!;
    return { dir, s, rel: (list: string[]) => list.map((p) => path.relative(dir, p).split(path.sep).join('/') || '.') };
  };

  it('is the repository root when the COPY sources are written from there (`docker build -f services/x/Dockerfile .`)', () => {
    const { s, rel } = contextOf(
      {
        'package.json': JSON.stringify({ name: 'shop', private: true }),
        'services/cart/package.json': svcPkg('cart'),
        'services/cart/index.js': app,
        'services/cart/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY services/cart ./\nCMD ["node", "index.js"]\n',
      },
      'cart',
    );
    expect(rel([s.deploy.dockerfiles[0].context])).toEqual(['.']);
    expect(s.deploy.dockerfiles[0].contextFrom).toBe('where its COPY sources are');
    expect(rel(s.buildContext)).toEqual(['package*.json', 'services/cart']);
  });

  it("stays the Dockerfile's folder when its COPY sources are there (`COPY . .`, `COPY src ./src`)", () => {
    const { s, rel } = contextOf(
      {
        'package.json': JSON.stringify({ name: 'shop', private: true }),
        'src/unrelated.js': '',
        'services/cart/package.json': svcPkg('cart'),
        'services/cart/src/index.js': app,
        'services/cart/Dockerfile': 'FROM node:20\nCOPY package.json ./\nCOPY src ./src\nCMD ["node", "src/index.js"]\n',
      },
      'cart',
    );
    expect(rel([s.deploy.dockerfiles[0].context])).toEqual(['services/cart']);
    expect(rel(s.buildContext)).toEqual(['services/cart/package.json', 'services/cart/src']);
  });

  it('is what a build command in package.json scripts, a Makefile or a CI workflow says (read as text)', () => {
    const base = {
      'services/cart/package.json': svcPkg('cart'),
      'services/cart/index.js': app,
      // Sources that exist from both folders: only the build command can tell.
      'services/cart/Dockerfile': 'FROM node:20\nCOPY index.js ./\nCMD ["node", "index.js"]\n',
      'index.js': '',
    };
    const fromScripts = contextOf({ ...base, 'package.json': JSON.stringify({ name: 'shop', scripts: { 'docker:cart': 'docker build -t cart -f services/cart/Dockerfile .' } }) }, 'cart');
    expect(fromScripts.rel([fromScripts.s.deploy.dockerfiles[0].context])).toEqual(['.']);
    expect(fromScripts.s.deploy.dockerfiles[0].contextFrom).toBe('docker build in package.json');
    const fromMake = contextOf({ ...base, 'package.json': '{"name":"shop"}', Makefile: 'images:\n\tfor s in cart; do docker build --tag $$s --file services/$$s/Dockerfile . ; done\n' }, 'cart');
    expect(fromMake.rel([fromMake.s.deploy.dockerfiles[0].context])).toEqual(['.']);
    const fromCi = contextOf(
      { ...base, 'package.json': '{"name":"shop"}', '.github/workflows/images.yml': 'jobs:\n  build:\n    steps:\n      - run: docker buildx build --push -f services/${{ matrix.service }}/Dockerfile .\n' },
      'cart',
    );
    expect(fromCi.rel([fromCi.s.deploy.dockerfiles[0].context])).toEqual(['.']);
    const none = contextOf({ ...base, 'package.json': '{"name":"shop"}' }, 'cart');
    expect(none.rel([none.s.deploy.dockerfiles[0].context])).toEqual(['services/cart']);
  });
});

describe("the logger of a service is one its image holds", () => {
  // ticketing's shape: orders depends on the shared package through `file:../common` and its image
  // copies only its own folder; after a first run common has a logger of its own.
  const tree = (extra: Record<string, string>) => ({
    'package.json': JSON.stringify({ name: 'ticketing', private: true }),
    'common/package.json': JSON.stringify({ name: '@t/common', version: '1.0.0', main: 'src/index.js' }),
    'common/src/index.js': "const { publish } = require('./publish');\nmodule.exports = { publish };\n",
    'common/src/publish.js': "const logger = require('./logger');\nexports.publish = (subject) => logger.info('published', { subject });\n",
    'common/src/logger.js':
      "// The logger the shared package writes with.\nconst write = (level, message, meta) => process.stdout.write(`${JSON.stringify({ level, message, ...meta })}\\n`);\nmodule.exports = {\n  info: (message, meta) => write('info', message, meta),\n  error: (message, meta) => write('error', message, meta),\n};\n",
    'orders/package.json': JSON.stringify({ name: 'orders', main: 'src/index.js', dependencies: { '@t/common': 'file:../common', express: '^4.18.0' } }),
    'orders/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["node", "src/index.js"]\n',
    'orders/src/index.js': "const express = require('express');\nconst { publish } = require('@t/common');\nexpress().get('/', (req, res) => res.send(publish('x'))).listen(3000);\n",
    ...extra,
  });
  const loggerOf = (files: Record<string, string>, name: string) => {
    const dir = tempTree(files);
    const logger = buildFleet(loadConfig(dir)).services.find((s) => s.name === name)!.facts.logger;
    return logger && path.relative(dir, logger.module).split(path.sep).join('/');
  };

  it("is not a shared package's logger outside the build context, though the process loads it", () => {
    expect(loggerOf(tree({}), '@t/common')).toBe('common/src/logger.js');
    expect(loggerOf(tree({}), 'orders')).toBeUndefined();
  });

  it("is the service's own logger when it has one, before a shared package's the image also holds", () => {
    const own = {
      'orders/src/logger.js': "// The orders logger.\nmodule.exports = {\n  info: (message) => process.stdout.write(`${message}\\n`),\n  error: (message) => process.stderr.write(`${message}\\n`),\n};\n",
      'orders/src/index.js': "const express = require('express');\nconst logger = require('./logger');\nconst { publish } = require('@t/common');\nexpress().get('/', (req, res) => res.send(publish('x'))).listen(3000, () => logger.info('up'));\n",
    };
    expect(loggerOf(tree(own), 'orders')).toBe('orders/src/logger.js');
    // An image built from the repository root holds both: the service's own still comes first.
    const fromRoot = { ...own, 'orders/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY common ./common\nCOPY orders ./orders\nCMD ["node", "orders/src/index.js"]\n' };
    expect(loggerOf(tree(fromRoot), 'orders')).toBe('orders/src/logger.js');
  });
});
