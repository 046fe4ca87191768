import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { FileContext } from '../src/types';
import { PRESETS } from '../transforms';
import { readinessProbe } from '../transforms/readiness-probe';
import { addReadinessProbes } from '../transforms/readiness-probe/k8s';
import { fleetModel, migrateTree, serviceModel } from './helpers/fleet-model';

const K8S = fs.readFileSync(path.join(__dirname, 'fixtures-live', 'k8s-deployment.yaml'), 'utf8');

function textContext(file: string, manual: { line: number; message: string }[]): FileContext {
  return {
    path: file, relPath: path.basename(file), root: '/r', options: resolveOptions(readinessProbe, {}, 'test'), facts: {},
    changed() {}, manual: (line, message) => manual.push({ line, message }), record() {}, redact() {},
  };
}

describe('readinessProbe in Kubernetes manifests', () => {
  it('adds one on /ready where a container has a livenessProbe only, byte for byte elsewhere', () => {
    const manual: { line: number; message: string }[] = [];
    const out = addReadinessProbes(K8S, textContext('/r/k8s.yaml', manual), undefined);
    const expected = K8S.replace(
      '            initialDelaySeconds: 5\n',
      '            initialDelaySeconds: 5\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: 3000\n',
    );
    expect(out).toBe(expected);
    expect(manual).toEqual([{ line: 33, message: expect.stringContaining('container sidecar: its livenessProbe is not an HTTP probe') }]);
    expect(addReadinessProbes(out, textContext('/r/k8s.yaml', []), undefined)).toBe(out);
  });
  it('only for containers of services that get the route', () => {
    const targets = { sites: [{ file: '/r/k8s.yaml', line: 9, service: '/r/go' }], dirs: ['/r/go', '/r'], ready: ['/r'] };
    expect(addReadinessProbes(K8S, textContext('/r/k8s.yaml', []), targets)).toBe(K8S);
  });
});

describe('readiness-probe', () => {
  it('is in the all preset, not in core', () => {
    expect(PRESETS.all).toContain('readiness-probe');
    expect(PRESETS.core).not.toContain('readiness-probe');
  });

  it('leaves a service with a readiness route of its own alone, and writes no module', async () => {
    const files = {
      'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      'src/probes.js': "module.exports = (router) => router.get('/readyz', (req, res) => res.send('ok'));\n",
    };
    const fleet = fleetModel('/s', [serviceModel('/s', '')], { 'src/app.js': 'runtime', 'src/probes.js': 'runtime' });
    const { out, generated } = await migrateTree(readinessProbe, '/s', files, fleet);
    expect(out).toEqual(files);
    expect(generated).toEqual([]);
  });

  it('writes checks only for resources in scope and names the others', async () => {
    const files = {
      'src/app.js': "const express = require('express');\nconst Redis = require('ioredis');\nconst redis = new Redis();\nconst app = express();\napp.listen(3000);\n",
    };
    const service = serviceModel('/s', '', {
      facts: {
        apps: [], correlation: [], signals: [], routes: [], outgoing: [],
        resources: [
          { kind: 'ioredis', binding: 'redis', file: '/s/src/app.js', line: 3 },
          { kind: 'pg', binding: 'pool', file: '/s/src/db.js', line: 2 },
          { kind: 'kafkajs', binding: 'kafka', file: '/s/src/app.js', line: 9 },
        ],
      },
    });
    const { out, manual } = await migrateTree(readinessProbe, '/s', files, fleetModel('/s', [service], { 'src/app.js': 'runtime' }));
    expect(out['src/app.js']).toContain('readiness({ ioredis: () => redis.ping() }, 1000)');
    expect(manual['src/app.js']).toEqual([{ line: 4, message: expect.stringContaining('/ready does not check pg pool (/s/src/db.js:2)') }]);
  });

  it('does not import from a lifecycle module of the project that is not shipshape\'s', async () => {
    const files = {
      'src/app.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ready-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/lifecycle.js'), 'module.exports = { phase: 1 };\n');
    const read = (abs: string) => (abs.endsWith('lifecycle.js') ? fs.readFileSync(abs, 'utf8') : files['src/app.js']);
    const service = serviceModel(dir, '');
    const options = await readinessProbe.prepare!({ cwd: dir, root: dir, files: [`${dir}/src/app.js`], options: resolveOptions(readinessProbe, {}, 't'), read, service });
    expect(readinessProbe.generate!({ cwd: dir, root: dir, files: [], options, read, service })).toEqual([]);
    const r = transformFile({ path: `${dir}/src/app.js`, relPath: 'src/app.js', root: dir, source: files['src/app.js'] }, [readinessProbe], { [readinessProbe.name]: options });
    expect(r.status).toBe('unchanged');
    expect(r.manual[0].message).toContain("exists and is not shipshape's lifecycle/readiness module");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('TypeScript output and its modules type-check under strict, noUnused* and the installed @types/express', async () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '__testfixtures__', 'readiness-probe', 'express-ts.input.ts'), 'utf8');
    const files = { 'src/app.ts': source };
    const service = serviceModel('/t', '', { language: 'typescript', moduleSystem: 'commonjs' });
    const { out } = await migrateTree(readinessProbe, '/t', files, fleetModel('/t', [service], { 'src/app.ts': 'runtime' }));
    const dir = fs.mkdtempSync(path.join(__dirname, '..', 'node_modules', '.tmp-ready-'));
    try {
      for (const [f, text] of Object.entries(out)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      const config = { compilerOptions: { strict: true, noUnusedLocals: true, noUnusedParameters: true, noEmit: true, module: 'commonjs', target: 'es2019', esModuleInterop: true, skipLibCheck: true, types: ['node'] }, include: ['src'] };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
      const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
