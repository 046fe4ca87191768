import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformFile } from '../src/engine/transform-file';
import { execute } from '../src/runner/run';
import type { ServiceModel } from '../src/fleet/types';
import type { Transform } from '../src/types';
import { read, shipshape, tempTree } from './helpers/cli';

const LOGGER = JSON.stringify({ transforms: { 'console-to-logger': { import: 'my-logger', name: 'logger', kind: 'named' } } });

const seen: { service?: string; role?: string }[] = [];
const probe = (roles?: Transform['ast'] extends infer A ? (A extends { roles?: infer R } ? R : never) : never): Transform => ({
  name: 'probe',
  summary: 'records what the engine tells it',
  options: {},
  ast: {
    ...(roles ? { roles } : {}),
    prefilter: () => true,
    apply(_root, ctx) {
      seen.push({ service: ctx.service?.name, role: ctx.role });
    },
  },
});

describe('fleet model plumbing', () => {
  it('the engine hands each transform the file service and role, and runs a transform only on its roles', () => {
    const service = { name: 'cart', slug: 'cart' } as ServiceModel;
    const input = { path: '/r/cart/a.js', relPath: 'cart/a.js', root: '/r', source: 'x();\n', service };
    seen.length = 0;
    transformFile({ ...input, role: 'runtime' }, [probe(['runtime'])], {});
    transformFile({ ...input, role: 'test' }, [probe(['runtime'])], {});
    // The default leaves compiled and front-end code alone.
    transformFile({ ...input, role: 'generated' }, [probe()], {});
    transformFile({ ...input, role: 'tooling' }, [probe()], {});
    // Without a model (a fixture, the jscodeshift adapter) every transform runs, as before.
    transformFile({ path: input.path, relPath: input.relPath, root: '/r', source: input.source }, [probe(['runtime'])], {});
    expect(seen).toEqual([{ service: 'cart', role: 'runtime' }, { service: 'cart', role: 'tooling' }, { service: undefined, role: undefined }]);
  });

  it('a run builds the model once, rewrites runtime files only, and --verbose names the files left alone with their role', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ workspaces: ['services/*'] }),
      'shipshape.config.json': LOGGER,
      // my-logger is a dependency: verification withholds an import of a package the service does not have.
      'services/cart/package.json': JSON.stringify({ name: 'cart', dependencies: { winston: '^3.0.0', 'my-logger': '^1.0.0' } }),
      'services/cart/src/app.js': "console.log('up');\n",
      'services/cart/load/k6-checkout.js': "import http from 'k6/http';\nexport default function () { console.log(http.get('x')); }\n",
      'services/cart/vite.config.ts': "export default { plugins: [{ configureServer() { console.log('dev'); } }] };\n",
      'services/cart/seeds/users.js': "console.log('seeding');\n",
      'services/cart/src/lib/util.ts': "export const a = 1; console.log(a);\n",
      'services/cart/src/lib/util.js': "exports.a = 1; console.log(exports.a);\n",
    });
    const outcome = await execute({ cwd: dir, transforms: ['console-to-logger'], jobs: 1 });
    const changed = outcome.report.files.filter((f) => f.status === 'changed').map((f) => f.path);
    expect(changed).toEqual(['services/cart/src/app.js', 'services/cart/src/lib/util.ts']);
    const cart = outcome.fleet.services.find((s) => s.name === 'cart')!;
    expect(cart.package?.dependencies).toEqual({ winston: '^3.0.0', 'my-logger': '^1.0.0' });
    expect(cart.roleCounts).toEqual({ runtime: 2, tooling: 3, generated: 1 });
    expect(cart.entries.map((e) => [path.relative(dir, e.file), e.from])).toEqual([['services/cart/src/app.js', 'convention']]);
    expect(outcome.fleet.roleReasons[path.join(dir, 'services/cart/src/lib/util.ts')]).toMatch(/only guessed/);
    expect(outcome.roleSkips.map((s) => [s.relPath, s.role])).toEqual([
      ['services/cart/load/k6-checkout.js', 'tooling'],
      ['services/cart/seeds/users.js', 'tooling'],
      ['services/cart/src/lib/util.js', 'generated'],
      ['services/cart/vite.config.ts', 'tooling'],
    ]);

    const cli = shipshape(dir, ['run', '--verbose', '-t', 'console-to-logger']);
    expect(cli.stderr).toMatch(/fleet model: 2 services .*built in \d+ ms/);
    expect(cli.stderr).toContain("role tooling: services/cart/load/k6-checkout.js (k6 script (imports from 'k6')), not changed by any selected transform");
    expect(cli.stderr).toContain('role generated: services/cart/src/lib/util.js (compiled twin of util.ts)');
  });

  it('worker threads get the same roles as the main thread (--jobs 2 equals --jobs 1)', () => {
    const files: Record<string, string> = { 'package.json': '{"name":"svc","dependencies":{"my-logger":"^1.0.0"}}', 'shipshape.config.json': LOGGER };
    for (let i = 0; i < 60; i++) files[`src/m${i}.js`] = `console.log('m${i}');\n`;
    files['src/twin.ts'] = "console.log('ts');\n";
    files['src/twin.js'] = "console.log('compiled');\n";
    const one = tempTree(files);
    const two = tempTree(files);
    expect(shipshape(one, ['run', '--write', '--allow-dirty', '--jobs', '1', '-t', 'console-to-logger']).code).toBe(0);
    expect(shipshape(two, ['run', '--write', '--allow-dirty', '--jobs', '2', '-t', 'console-to-logger']).code).toBe(0);
    expect(read(two, 'src/twin.js')).toBe("console.log('compiled');\n");
    expect(read(two, 'src/m7.js')).not.toContain('console.log');
    for (const f of ['src/m0.js', 'src/m59.js', 'src/twin.ts']) expect(read(two, f)).toBe(read(one, f));
  });
});

describe('shipshape services', () => {
  it('prints the model as a table and as JSON', () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ workspaces: ['services/*'] }),
      'services/cart/package.json': JSON.stringify({ name: 'cart', main: 'index.js', dependencies: { express: '4', pino: '8' } }),
      'services/cart/index.js': "const express = require('express');\nconst logger = require('./log');\nconst app = express();\napp.listen(3000);\nprocess.on('SIGTERM', () => app.close());\n",
      'services/cart/log.js': "module.exports = require('pino')();\n",
      'services/cart/index.test.js': '',
      'services/worker/package.json': JSON.stringify({ name: 'worker', type: 'module', scripts: { start: 'node src/run.js' } }),
      'services/worker/src/run.js': "import amqp from 'amqplib';\nconst conn = await amqp.connect('amqp://x');\n",
    });
    const table = shipshape(dir, ['services']);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^service\s+folder\s+lang\s+entry points\s+apps\s+logger\s+correlation\s+shutdown\s+resources\s+files by role$/);
    expect(lines.find((l) => l.startsWith('cart '))).toMatch(/services\/cart\s+js\/cjs\s+services\/cart\/index\.js \(main\)\s+express\s+pino services\/cart\/log\.js\s+none\s+SIGTERM closes server\s+-\s+runtime 2, test 1$/);
    expect(lines.find((l) => l.startsWith('worker '))).toMatch(/js\/esm\s+services\/worker\/src\/run\.js \(scripts\.start\)\s+-\s+none\s+none\s+none\s+amqplib\s+runtime 1$/);
    const json = JSON.parse(shipshape(dir, ['services', '--json']).stdout);
    expect(json.services.map((s: any) => s.name)).toEqual(['cart', 'worker', '(root)']);
    expect(json.services[1].facts.resources[0]).toMatchObject({ kind: 'amqplib', binding: 'conn', close: 'conn.close()', line: 2 });
  });
});
