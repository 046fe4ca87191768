import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { buildFleet } from '../src/fleet/build';
import { pagesPackage, roleOf } from '../src/fleet/roles';
import { isScriptText } from '../src/fleet/scripts';
import { segmentsOf } from '../src/report/hunks';
import { partialResult } from '../src/review/interactive';
import { execute } from '../src/runner/run';
import { recordUnlistened, unlistenedItems } from '../transforms/graceful-shutdown/unlistened';
import { skipReason } from '../transforms/console-to-logger/skip';
import type { FileContext, FileRecord } from '../src/types';
import type { FleetModel, PackageFacts, ServiceModel } from '../src/fleet/types';
import { tempTree } from './helpers/cli';
import { makeService } from './helpers/service';

const EXPRESS_APP = "const express = require('express');\nconst app = express();\nmodule.exports = app;\n";
const STARTER = "#!/usr/bin/env node\nvar app = require('../app');\nvar http = require('http');\nvar server = http.createServer(app);\nserver.listen(3000);\n";

function pkg(over: Partial<PackageFacts>): PackageFacts {
  return { file: '/r/package.json', scripts: {}, dependencies: {}, devDependencies: {}, installed: {}, ...over };
}

describe('entry scripts: JavaScript files without a JavaScript extension that an entry runs', () => {
  it('is JavaScript with a node shebang (env, -S, a path) or, without a shebang, when it parses', () => {
    expect(isScriptText('#!/usr/bin/env node\nvar x = require("x");\n')).toBe(true);
    expect(isScriptText('#!/usr/bin/env -S node --enable-source-maps\nx();\n')).toBe(true);
    expect(isScriptText('#!/usr/local/bin/node\nx();\n')).toBe(true);
    expect(isScriptText("const app = require('./app');\napp.listen(3000);\n")).toBe(true);
    expect(isScriptText('#!/bin/sh\nexec node ./start\n')).toBe(false);
    expect(isScriptText('#!/usr/bin/env python3\nprint(1)\n')).toBe(false);
    expect(isScriptText('start:\n\tnode ./bin/www\n')).toBe(false);
    expect(isScriptText('MIT License\n\nCopyright (c) 2024 someone\n')).toBe(false);
    expect(isScriptText('')).toBe(false);
    expect(isScriptText('x\0y')).toBe(false);
  });

  it('enters the model from scripts.start, a Dockerfile CMD and the conventional bin/www; an extensionless file no entry names is never read as code', () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ private: true, workspaces: ['services/*'] }),
      'services/web/package.json': JSON.stringify({ name: 'web', scripts: { start: 'node ./bin/www' }, dependencies: { express: '4' } }),
      'services/web/bin/www': STARTER,
      'services/web/bin/tool': STARTER,
      'services/web/app.js': EXPRESS_APP,
      'services/web/Makefile': 'start:\n\tnode ./bin/www\n',
      'services/img/package.json': JSON.stringify({ name: 'img', dependencies: { express: '4' } }),
      'services/img/Dockerfile': 'FROM node:20\nWORKDIR /srv\nCOPY . .\nCMD ["node", "bin/serve"]\n',
      'services/img/bin/serve': "const app = require('express')();\napp.listen(4000);\n",
      'services/plain/package.json': JSON.stringify({ name: 'plain', dependencies: { express: '4' } }),
      'services/plain/bin/www': STARTER,
      'services/plain/app.js': EXPRESS_APP,
    });
    const fleet = buildFleet(loadConfig(dir));
    const service = (name: string) => fleet.services.find((s) => s.name === name)!;
    const at = (p: string) => path.join(dir, p);
    expect(service('web').entries.map((e) => [path.relative(dir, e.file), e.from])).toEqual([['services/web/bin/www', 'scripts.start']]);
    expect(service('img').entries.map((e) => [path.relative(dir, e.file), e.from])).toEqual([['services/img/bin/serve', 'dockerfile']]);
    expect(service('plain').entries.map((e) => [path.relative(dir, e.file), e.from])).toEqual([['services/plain/bin/www', 'convention']]);
    expect(fleet.roles[at('services/web/bin/www')]).toBe('runtime');
    expect(fleet.roles[at('services/web/app.js')]).toBe('runtime');
    // The graph, the facts and the source root go through the script.
    expect(service('web').facts.apps.map((a) => [path.relative(dir, a.file), path.relative(dir, a.listens?.file ?? '')])).toEqual([['services/web/app.js', 'services/web/bin/www']]);
    expect(service('img').facts.apps[0].listens?.file).toBe(at('services/img/bin/serve'));
    expect(service('web').sourceRoot).toBe(at('services/web'));
    expect(fleet.roles[at('services/web/bin/tool')]).toBeUndefined();
    expect(fleet.roles[at('services/web/Makefile')]).toBeUndefined();
  });

  it('interactive review keeps a partly accepted entry script from being written when it would not parse', () => {
    const original = '#!/usr/bin/env node\nf(1);\n  g();\nh(2);\n';
    const output = '#!/usr/bin/env node\nf(() => {\n  g();\n});\n';
    const partial = partialResult('/x/bin/www', segmentsOf(original, output), [true, false]);
    expect('error' in partial && partial.error).toMatch(/do not parse without the others/);
    // A file that is no JavaScript (a Dockerfile) is not parsed.
    expect(partialResult('/x/Dockerfile', segmentsOf('FROM a\nRUN b\nCMD c\n', 'FROM a\nCMD d\n'), [true, false])).not.toHaveProperty('error');
  });

  it('a run takes the script in only when discovery kept it: --exclude and a path outside it leave it out', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node bin/www' }, dependencies: { express: '4' } }),
      'bin/www': STARTER,
      'app.js': EXPRESS_APP,
    });
    const run = (opts: { paths?: string[]; exclude?: string[] }) => execute({ cwd: dir, jobs: 1, transforms: ['graceful-shutdown'], format: false, ...opts });
    const changed = async (opts: { paths?: string[]; exclude?: string[] }) => (await run(opts)).report.files.filter((f) => f.status === 'changed').map((f) => f.path);
    expect(await changed({})).toEqual(['bin/www']);
    expect(await changed({ paths: ['bin/www'] })).toEqual(['bin/www']);
    expect(await changed({ exclude: ['bin/**'] })).toEqual([]);
    expect(await changed({ paths: ['app.js'] })).toEqual([]);
    // The shebang stays the first line, byte for byte.
    const { changedFiles } = await execute({ cwd: dir, jobs: 1, transforms: ['graceful-shutdown'], format: false, keepResults: true });
    expect(changedFiles![0].output.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'bin/www'), 'utf8')).toBe(STARTER);
  });
});

describe('graceful-shutdown: an app no listen was found for', () => {
  const file = '/virtual/repo/src/app.js';
  const ctxFor = (service: ServiceModel) => {
    const records: FileRecord[] = [];
    const ctx = { path: file, service, record: (data: unknown) => records.push({ relPath: 'src/app.js', path: file, data }) } as unknown as FileContext;
    recordUnlistened(ctx);
    return records;
  };
  const fleetOf = (...services: ServiceModel[]) => ({ services }) as unknown as FleetModel;
  const app = { file, line: 2, framework: 'express' as const, binding: 'app' };

  it('is one manual item naming the service, its entries and what to check', () => {
    const service = makeService({ name: 'legacy', entries: [{ file, from: 'convention', detail: 'conventional name app.js' }], facts: { apps: [app] } });
    const items = unlistenedItems(ctxFor(service), 'graceful-shutdown', fleetOf(service));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: file, line: 2, transform: 'graceful-shutdown' });
    expect(items[0].message).toContain('this express app of legacy is created here, but no listen on it was found in its entries (conventional name app.js)');
    expect(items[0].message).toContain('name it in package.json "scripts.start" or "main"');
  });

  it('is no item when some app listens, when fastify-cli starts the plugin, for serverless adapters, or when another service listens on the same app', () => {
    const listening = makeService({ facts: { apps: [{ ...app, listens: { file, line: 9 } }] } });
    expect(ctxFor(listening)).toEqual([]);
    expect(ctxFor(makeService({ facts: { apps: [{ ...app, framework: 'fastify-plugin' }] } }))).toEqual([]);
    expect(ctxFor(makeService({ package: pkg({ dependencies: { 'serverless-http': '3' } }), facts: { apps: [app] } }))).toEqual([]);
    const library = makeService({ name: 'shared', facts: { apps: [app] } });
    const user = makeService({ name: 'web', facts: { apps: [{ ...app, listens: { file: '/virtual/repo/web/server.js', line: 3 } }] } });
    expect(unlistenedItems(ctxFor(library), 'graceful-shutdown', fleetOf(library, user))).toEqual([]);
  });
});

describe('roles: a package of pages is browser code', () => {
  const inputs = (over: Partial<PackageFacts>, html?: string) => ({ dir: '/r', package: pkg(over), read: (p: string) => (p === '/r/index.html' ? html : undefined) });

  it('built by a page bundler or loaded by index.html as a module script, with no server framework', () => {
    expect(pagesPackage(inputs({ devDependencies: { vite: '6' } }))).toContain('built by vite');
    expect(pagesPackage(inputs({}, '<script type="module" src="/main.js"></script>'))).toContain('index.html loads its module script');
    expect(pagesPackage(inputs({ devDependencies: { vite: '6' }, dependencies: { express: '4' } }))).toBeUndefined();
    expect(pagesPackage(inputs({ dependencies: { 'node-fetch': '3' } }, '<script src="/x.js"></script>'))).toBeUndefined();
  });

  it('but a file that uses Node server APIs stays what the graph says', () => {
    const base = { dir: '/r', package: pkg({ devDependencies: { vite: '6' } }), graph: new Set(['/r/main.js', '/r/server.js']), exists: () => false };
    expect(roleOf('/r/main.js', { ...base, read: () => "document.title = 'x';\nfetch('/api');\n" }).role).toBe('browser');
    expect(roleOf('/r/server.js', { ...base, read: () => "import http from 'node:http';\nhttp.createServer().listen(1);\n" }).role).toBe('runtime');
  });
});

describe('console-to-logger: skipScripts and a service started from bin/', () => {
  const www = '/virtual/repo/bin/www';
  const listening = { facts: { apps: [{ file: '/virtual/repo/app.js', line: 2, framework: 'express' as const, listens: { file: www, line: 5 } }] } };
  const skip = (service: ServiceModel) => skipReason('bin/www', www, { skipScripts: true }, '/virtual/repo', { service });

  it('rewrites the runtime entry of a service that listens; a bin command, or a service that never listens, stays a script', () => {
    expect(skip(makeService({ ...listening, entries: [{ file: www, from: 'scripts.start', detail: 'scripts.start: node ./bin/www' }] }))).toBeNull();
    expect(skip(makeService({ ...listening, entries: [{ file: www, from: 'dockerfile', detail: 'Dockerfile: node bin/www' }] }))).toBeNull();
    const cli = [
      { file: '/virtual/repo/server.js', from: 'scripts.start' as const, detail: 'scripts.start: node server.js' },
      { file: www, from: 'bin' as const, detail: 'bin.tool: bin/www' },
    ];
    expect(skip(makeService({ ...listening, entries: cli }))).toMatch(/command-line script/);
    expect(skip(makeService({ entries: [{ file: www, from: 'scripts.start', detail: 'scripts.start: node ./bin/www' }] }))).toMatch(/command-line script/);
  });
});
