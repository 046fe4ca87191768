import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { commandTargets, shellWords } from '../src/fleet/commands';
import { importSpecifiers } from '../src/fleet/graph';
import { tempTree } from './helpers/cli';
import fg from 'fast-glob';

function fleetOf(files: Record<string, string>) {
  const dir = tempTree(files);
  const all = fg.sync('**/*.{js,ts,tsx,jsx,mjs,cjs}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'], dot: true });
  const fleet = buildFleet(loadConfig(dir), { files: all });
  const rel = (p: string) => path.relative(dir, p);
  const role = (p: string) => fleet.roles[path.join(dir, p)];
  const service = (name: string) => fleet.services.find((s) => s.name === name)!;
  return { dir, fleet, rel, role, service };
}

describe('fleet model: boundary, build context, entry points, graph, roles', () => {
  it('a Dockerfile that copies only the service folder: build context, CMD dist/ mapped to the source through outDir→rootDir, the graph decides runtime vs unknown', () => {
    const { service, rel, role, dir } = fleetOf({
      'package.json': JSON.stringify({ workspaces: ['services/*', 'packages/*'] }),
      'docker-compose.yml': 'services:\n  cart:\n    build: ./services/cart\n    stop_grace_period: 45s\n    ports: ["3000:3000"]\n',
      'services/cart/package.json': JSON.stringify({ name: 'cart', scripts: { build: 'tsc' }, dependencies: { express: '^4.18.0', '@acme/shared': '*' } }),
      'services/cart/tsconfig.json': '{ // comments allowed\n "extends": "./tsconfig.base.json", "compilerOptions": { "outDir": "dist" } }',
      'services/cart/tsconfig.base.json': '{ "compilerOptions": { "rootDir": "src", "module": "commonjs", "paths": { "@lib/*": ["src/lib/*"] }, "baseUrl": "." } }',
      'services/cart/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY src ./src\nRUN npm ci && npm run build\nSTOPSIGNAL SIGTERM\nCMD ["node", "dist/server.js"]\n',
      'services/cart/src/server.ts': "import { app } from './app';\nimport { x } from '@lib/x';\nimport { y } from '@acme/shared';\napp.listen(3000);\n",
      'services/cart/src/app.ts': "import express from 'express';\nexport const app = express();\nimport('./lazy.js');\n",
      'services/cart/src/lazy.ts': 'export {};\n',
      'services/cart/src/lib/x.ts': 'export const x = 1;\n',
      'services/cart/src/orphan.ts': '// require("./app") in a comment does not count\nexport {};\n',
      'services/cart/scripts/migrate-data.ts': "console.log('once');\n",
      'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', main: 'dist/index.js' }),
      'packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
      'packages/shared/src/index.ts': "export * from './y';\n",
      'packages/shared/src/y.ts': 'export const y = 2;\n',
      'packages/shared/src/unused.ts': 'export const z = 3;\n',
    });
    const cart = service('cart');
    expect(cart.language).toBe('typescript');
    expect(cart.moduleSystem).toBe('commonjs');
    expect(cart.tsconfig).toMatchObject({ rootDir: path.join(cart.dir, 'src'), outDir: path.join(cart.dir, 'dist'), module: 'commonjs', errors: [] });
    expect(cart.buildContext.map(rel)).toEqual(['services/cart/package*.json', 'services/cart/src']);
    expect(cart.deploy.dockerfiles[0]).toMatchObject({ workdir: '/app', stopSignal: 'SIGTERM', cmd: { form: 'exec', argv: ['node', 'dist/server.js'] } });
    expect(cart.deploy.compose[0]).toMatchObject({ name: 'cart', stopGracePeriodSeconds: 45, ports: ['3000:3000'] });
    expect(cart.deploy.gracePeriod).toMatchObject({ seconds: 45, source: 'compose' });
    expect(cart.entries.map((e) => [rel(e.file), e.from])).toEqual([['services/cart/src/server.ts', 'dockerfile']]);
    expect(cart.sourceRoot).toBe(path.join(cart.dir, 'src'));
    expect(rel(cart.workspaceDeps['@acme/shared'])).toBe('packages/shared');
    expect(['server.ts', 'app.ts', 'lazy.ts', 'lib/x.ts'].map((f) => role(`services/cart/src/${f}`))).toEqual(['runtime', 'runtime', 'runtime', 'runtime']);
    expect(role('services/cart/src/orphan.ts')).toBe('unknown');
    expect(role('services/cart/scripts/migrate-data.ts')).toBe('tooling');
    // A workspace package's files the service uses are runtime for it; the rest of the package is not.
    expect(role('packages/shared/src/y.ts')).toBe('runtime');
    expect(role('packages/shared/src/unused.ts')).toBe('unknown');
    expect(dir).toBeTruthy();
  });

  it('entry points from scripts.start (ts-node, nodemon, npm run chains), Nest main.ts, fastify-cli', () => {
    const { service, rel } = fleetOf({
      'a/package.json': JSON.stringify({ name: 'a', scripts: { start: 'npm run serve', serve: 'cross-env NODE_ENV=production node -r dotenv/config src/index.js' } }),
      'a/src/index.js': '',
      'b/package.json': JSON.stringify({ name: 'b', dependencies: { '@nestjs/core': '^10' }, scripts: { start: 'nest start' } }),
      'b/src/main.ts': '',
      'c/package.json': JSON.stringify({ name: 'c', scripts: { start: 'fastify start -l info app.js' } }),
      'c/app.js': '',
      'd/package.json': JSON.stringify({ name: 'd', type: 'module', scripts: { start: 'tsx watch src/worker.ts' } }),
      'd/src/worker.ts': '',
    });
    expect(service('a').entries.map((e) => [rel(e.file), e.from, e.detail])).toEqual([['a/src/index.js', 'scripts.start', 'scripts.serve: cross-env NODE_ENV=production node -r dotenv/config src/index.js']]);
    expect(service('b').entries.map((e) => [rel(e.file), e.from])).toEqual([['b/src/main.ts', 'nest']]);
    expect(service('c').entries.map((e) => [rel(e.file), e.from])).toEqual([['c/app.js', 'fastify-cli']]);
    expect(service('d').entries.map((e) => rel(e.file))).toEqual(['d/src/worker.ts']);
    expect(service('d').moduleSystem).toBe('esm');
  });

  it('roles: tests, tool configs, k6 and artillery scripts, seeds, compiled twins, browser packages and React files without a react import', () => {
    const { role, fleet, dir } = fleetOf({
      'api/package.json': JSON.stringify({ name: 'api', main: 'src/index.js' }),
      'api/src/index.js': "require('./routes');\n",
      'api/src/routes.js': '',
      'api/src/routes.test.js': '',
      'api/jest.config.js': '',
      'api/vite.config.ts': '',
      'api/load/checkout.js': "import http from 'k6/http';\n",
      'api/perf/processor.js': 'module.exports = { beforeRequest };\n',
      'api/seeds/users.js': '',
      'api/src/view.tsx': 'export const V = () => <div className="x">{window.location.href}</div>;\n',
      'web/package.json': JSON.stringify({ name: 'web', dependencies: { 'react-dom': '^18' } }),
      'web/src/main.js': '',
      'lib/package.json': JSON.stringify({ name: 'lib' }),
      'lib/util.ts': '',
      'lib/util.js': '',
      // The Nx wrapper a workspace commits (nestjs-microservices-template): a tool, even where no entry point is known.
      'lib/.nx/nxw.js': "console.error('[NX]: nx.json is required');\n",
      'api/.husky/check.js': '',
    });
    const roles = Object.fromEntries(
      ['lib/.nx/nxw.js', 'api/.husky/check.js', 'api/src/index.js', 'api/src/routes.js', 'api/src/routes.test.js', 'api/jest.config.js', 'api/vite.config.ts', 'api/load/checkout.js', 'api/perf/processor.js', 'api/seeds/users.js', 'api/src/view.tsx', 'web/src/main.js', 'lib/util.ts', 'lib/util.js'].map((f) => [f, role(f)]),
    );
    expect(roles).toEqual({
      'lib/.nx/nxw.js': 'tooling',
      'api/.husky/check.js': 'tooling',
      'api/src/index.js': 'runtime',
      'api/src/routes.js': 'runtime',
      'api/src/routes.test.js': 'test',
      'api/jest.config.js': 'tooling',
      'api/vite.config.ts': 'tooling',
      'api/load/checkout.js': 'tooling',
      'api/perf/processor.js': 'tooling',
      'api/seeds/users.js': 'tooling',
      'api/src/view.tsx': 'browser',
      'web/src/main.js': 'browser',
      // No entry point at all: runtime, never silently nothing.
      'lib/util.ts': 'runtime',
      'lib/util.js': 'generated',
    });
    expect(fleet.roleReasons[path.join(dir, 'lib/util.ts')]).toBe('no entry point found');
  });

  it("roles come from the entry a file is reached from: a service's bin tools and what only they reach are tooling, its start's graph is runtime", () => {
    const { role, fleet, dir } = fleetOf({
      'api/package.json': JSON.stringify({ name: 'api', main: 'src/index.js', scripts: { start: 'node bin/www.js' }, bin: { 'api-seed': 'cli/seed.js', 'api-admin': 'bin/admin.js' }, dependencies: { express: '4' } }),
      'api/bin/www.js': "const { app } = require('../src/index');\napp.listen(3000);\n",
      'api/src/index.js': "const express = require('express');\nconst db = require('./db');\nexports.app = express();\n",
      'api/src/db.js': 'module.exports = {};\n',
      // Tools the package ships: what they reach alone is theirs, what the start also reaches stays runtime.
      'api/cli/seed.js': "const db = require('../src/db');\nconst fixtures = require('./fixtures');\nconsole.log('seeding', db, fixtures);\n",
      'api/cli/fixtures.js': 'module.exports = [];\n',
      'api/bin/admin.js': "console.log('admin');\n",
      'api/bin/rotate-keys.js': "console.log('rotating');\n",
      // A package whose only entries are bin commands is a CLI: they are its runtime.
      'cli/package.json': JSON.stringify({ name: 'cli', bin: { acme: 'bin/acme.js' } }),
      'cli/bin/acme.js': "require('../src/run');\n",
      'cli/src/run.js': "console.log('run');\n",
      // No start named: bin/www (the Express generator's layout) is the conventional entry, not a tool.
      'gen/package.json': JSON.stringify({ name: 'gen', dependencies: { express: '4' } }),
      'gen/bin/www.js': "require('../app').listen(3000);\n",
      'gen/app.js': "module.exports = require('express')();\n",
    });
    expect(['api/bin/www.js', 'api/src/index.js', 'api/src/db.js'].map(role)).toEqual(['runtime', 'runtime', 'runtime']);
    expect(['api/cli/seed.js', 'api/cli/fixtures.js', 'api/bin/admin.js', 'api/bin/rotate-keys.js'].map(role)).toEqual(['tooling', 'tooling', 'tooling', 'tooling']);
    expect(fleet.roleReasons[path.join(dir, 'api/cli/fixtures.js')]).toBe('reached only from bin.api-seed: cli/seed.js, a tool the service ships, not from what starts it');
    expect(['cli/bin/acme.js', 'cli/src/run.js'].map(role)).toEqual(['runtime', 'runtime']);
    expect(['gen/bin/www.js', 'gen/app.js'].map(role)).toEqual(['runtime', 'runtime']);
  });

  it("a `**` workspace glob names each package's own folders too: those stay the package's, not services (node-microservices-template: microservices/countries/app/src)", () => {
    const { fleet } = fleetOf({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['libs/*', 'microservices/**'] }),
      'microservices/countries/app/package.json': JSON.stringify({ name: '@micro/countries', scripts: { start: 'node src/index.js' } }),
      'microservices/countries/app/src/index.js': "require('./routes');\n",
      'microservices/countries/app/src/routes.js': '',
      'microservices/worker/index.js': '',
      'libs/kernel/package.json': JSON.stringify({ name: '@micro/kernel', main: 'src/index.js' }),
      'libs/kernel/src/index.js': '',
    });
    expect(fleet.services.map((s) => s.name)).toEqual(['@micro/kernel', '@micro/countries', 'microservices/worker', '(root)']);
  });

  it('Kubernetes manifests and ECS task definitions give the grace period, probes and ports', () => {
    const { service } = fleetOf({
      'svc/orders/package.json': JSON.stringify({ name: 'orders', main: 'index.js' }),
      'svc/orders/index.js': '',
      'k8s/orders.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60\n      containers:\n        - name: orders\n          image: acme/orders:1\n          ports: [{ containerPort: 8080 }]\n          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }\n          readinessProbe: { httpGet: { path: /ready, port: 8080 } }\n',
      'deploy/ecs-taskdef.json': JSON.stringify({ containerDefinitions: [{ name: 'orders', stopTimeout: 20 }] }),
    });
    const orders = service('orders');
    expect(orders.deploy.kubernetes).toEqual([
      expect.objectContaining({ container: 'orders', workload: 'orders', terminationGracePeriodSeconds: 60, livenessPath: '/healthz', readinessPath: '/ready', ports: [8080] }),
    ]);
    expect(orders.deploy.ecsStopTimeoutSeconds).toBe(20);
    expect(orders.deploy.gracePeriod).toMatchObject({ seconds: 60, source: 'kubernetes' });
    expect(orders.buildContext).toEqual([orders.dir]);
  });

  it('the import scan and command parsing', () => {
    expect(importSpecifiers("import a from './a';\nexport * from \"./b\";\nconst c = require('./c');\nawait import('./d');\n/* import x from './x' */\nimport './e';\n")).toEqual(['./a', './b', './c', './d', './e']);
    expect(commandTargets(shellWords('npm run build && node --inspect=0.0.0.0 dist/main.js'))).toEqual([{ file: 'dist/main.js', via: 'node' }]);
    expect(commandTargets(['sh', '-c', 'exec nodemon -w src src/index.ts'])).toEqual([{ file: 'src/index.ts', via: 'nodemon' }]);
  });
});

describe('fleet model: where new modules go', () => {
  it('a service started from index.js at its top that requires ./src/main: the source root is src (inside the tsconfig include)', () => {
    const { fleet, dir } = fleetOf({
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' }, dependencies: { '@nestjs/core': '^10.0.0' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', allowJs: true }, include: ['src/**/*'] }),
      'index.js': "require('ts-node/register');\nrequire('./src/main');\n",
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
      'src/app.module.ts': 'export class AppModule {}\n',
    });
    expect(fleet.services[0].sourceRoot).toBe(path.join(dir, 'src'));
  });

  it('a top-level entry whose code spans several folders keeps the service folder', () => {
    const { fleet, dir } = fleetOf({
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }),
      'server.js': "require('./routes/users');\nrequire('./config/db');\n",
      'routes/users.js': 'module.exports = {};\n',
      'config/db.js': 'module.exports = {};\n',
    });
    expect(fleet.services[0].sourceRoot).toBe(dir);
  });
});
