import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { FleetModel, FileRole } from '../src/fleet/types';
import { healthzToHealth } from '../transforms/healthz-to-health';
import { keptByComment } from '../transforms/healthz-to-health/keep';
import { servesRoutes } from '../transforms/healthz-to-health/owners';
import { fleetModel, migrateTree, serviceModel } from './helpers/fleet-model';

const ROOT = '/fleet';

const migrate = (files: Record<string, string>, fleet: FleetModel) => migrateTree(healthzToHealth, ROOT, files, fleet);

const roles = (files: Record<string, string>): Record<string, FileRole> =>
  Object.fromEntries(Object.keys(files).filter((f) => /\.[jt]s$/.test(f)).map((f) => [f, /test/.test(f) ? 'test' : /web\//.test(f) || /vite/.test(f) ? 'browser' : 'runtime']));

describe('healthz-to-health per service', () => {
  it('leaves tests and probes on the old path when the route is a class field, with one item listing them', async () => {
    const files = {
      'services/api/src/health.controller.ts': "export class HealthController {\n  public path = '/healthz';\n  handle() {\n    return 'ok';\n  }\n}\n",
      'services/api/src/app.ts': "import express from 'express';\nimport { HealthController } from './health.controller';\nconst app = express();\nconst c = new HealthController();\napp.get(`/api/v1${c.path}`, (req, res) => res.send(c.handle()));\nexport default app;\n",
      'services/api/test/health.test.ts': "import request from 'supertest';\nimport app from '../src/app';\n\ndescribe('GET /api/v1/healthz', () => {\n  it('answers', async () => {\n    await request(app).get('/api/v1/healthz').expect(200);\n  });\n});\n",
      'services/api/k8s/deployment.yaml': 'spec:\n  containers:\n    - name: api\n      livenessProbe:\n        httpGet:\n          path: /api/v1/healthz\n          port: 3000\n',
    };
    const api = serviceModel(ROOT, 'services/api', {
      language: 'typescript',
      deploy: { dockerfiles: [], compose: [], kubernetes: [{ file: `${ROOT}/services/api/k8s/deployment.yaml`, line: 3, container: 'api', livenessPath: '/api/v1/healthz', ports: [3000] }], gracePeriod: { seconds: 30, source: 'default' } },
    });
    const { out, manual, items } = await migrate(files, fleetModel(ROOT, [api], roles(files)));
    for (const f of Object.keys(files)) expect(out[f]).toBe(files[f as keyof typeof files]);
    expect(manual).toEqual({});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: `${ROOT}/services/api/src/health.controller.ts`, line: 2 });
    expect(items[0].message).toContain("'/healthz' left as is");
    expect(items[0].message).toContain('services/api/test/health.test.ts:6 (get() request)');
    expect(items[0].message).toContain('services/api/k8s/deployment.yaml:6');
  });

  it('moves a test request and the title quoting it together with the route of the same service', async () => {
    const files = {
      'services/web-api/src/app.js': "const app = require('express')();\napp.get('/api/v1/healthz', (req, res) => res.send('ok'));\nmodule.exports = app;\n",
      'services/web-api/test/app.test.js': "const request = require('supertest');\nconst app = require('../src/app');\n\ndescribe('GET /api/v1/healthz', () => {\n  it(`answers on /api/v1/healthz`, () => request(app).get('/api/v1/healthz').expect(200));\n});\n",
    };
    const { out, items } = await migrate(files, fleetModel(ROOT, [serviceModel(ROOT, 'services/web-api')], { 'services/web-api/src/app.js': 'runtime', 'services/web-api/test/app.test.js': 'test' }));
    expect(out['services/web-api/src/app.js']).toContain("app.get('/api/v1/health',");
    expect(out['services/web-api/test/app.test.js']).toBe(
      "const request = require('supertest');\nconst app = require('../src/app');\n\ndescribe('GET /api/v1/health', () => {\n  it(`answers on /api/v1/health`, () => request(app).get('/api/v1/health').expect(200));\n});\n",
    );
    expect(items).toEqual([]);
  });

  it('does not move or judge the probes of a service that is not a Node service', async () => {
    const files = {
      'docker-compose.yml':
        'services:\n  gateway:\n    build: ./gateway\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]\n  node-api:\n    build: ./node-api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/healthz"]\n',
      'gateway/Dockerfile': 'FROM golang:1.22\nHEALTHCHECK CMD wget -qO- http://localhost:8080/status || exit 1\n',
      'node-api/src/server.js': "const app = require('express')();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      'web/src/api.js': "export const ping = () => fetch('/api/ping');\n",
      'web/vite.config.ts': "export default { server: { proxy: { '/api': 'http://localhost:3000' } } };\n",
    };
    const compose = (name: string, line: number) => ({ file: `${ROOT}/docker-compose.yml`, line, name, ports: [] });
    const gateway = serviceModel(ROOT, 'gateway', { isNode: false, deploy: { dockerfiles: [{ file: `${ROOT}/gateway/Dockerfile`, context: `${ROOT}/gateway`, copies: [] }], compose: [compose('gateway', 2)], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } } });
    const node = serviceModel(ROOT, 'node-api', { deploy: { dockerfiles: [], compose: [compose('node-api', 6)], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } } });
    const web = serviceModel(ROOT, 'web');
    const { out, items, manual } = await migrate(files, fleetModel(ROOT, [gateway, node, web, serviceModel(ROOT, '', { isNode: false })], roles(files)));
    expect(out['docker-compose.yml']).toContain('http://localhost:8080/healthz');
    expect(out['docker-compose.yml']).toContain('http://localhost:3000/health"]');
    expect(out['node-api/src/server.js']).toContain("app.get('/health',");
    expect(out['gateway/Dockerfile']).toBe(files['gateway/Dockerfile']);
    expect(items).toEqual([]);
    expect(manual).toEqual({});
  });

  it('keeps a route commented to stay, and its test, in one reported item', async () => {
    const files = {
      'svc/src/app.js': "const app = require('express')();\n// keep this: the load balancer probes it\napp.get('/healthz', (req, res) => res.send('ok'));\n",
      'svc/test/app.test.js': "it('GET /healthz', () => request(app).get('/healthz').expect(200));\n",
    };
    const { out, items } = await migrate(files, fleetModel(ROOT, [serviceModel(ROOT, 'svc')], roles(files)));
    expect(out).toEqual(files);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: `${ROOT}/svc/src/app.js`, line: 3 });
    expect(items[0].message).toMatch(/kept by its comment.*svc\/test\/app\.test\.js:1/);
  });

  it('counts a hapi route object the run moved: no false "probe without a route"', async () => {
    const files = {
      'hapi/src/routes.js': "module.exports = [\n  { method: 'GET', path: '/healthz', handler: () => 'ok' },\n  { method: 'GET', path: '/users', handler: list },\n];\n",
      'hapi/src/server.js': "const Hapi = require('@hapi/hapi');\nconst routes = require('./routes');\nconst server = Hapi.server({ port: 3000 });\nserver.route(routes);\n",
      'hapi/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/healthz || exit 1\n',
    };
    const hapi = serviceModel(ROOT, 'hapi', { deploy: { dockerfiles: [{ file: `${ROOT}/hapi/Dockerfile`, context: `${ROOT}/hapi`, copies: [] }], compose: [], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } } });
    const { out, items } = await migrate(files, fleetModel(ROOT, [hapi], roles(files)));
    expect(out['hapi/src/routes.js']).toContain("path: '/health'");
    expect(out['hapi/Dockerfile']).toContain('http://localhost:3000/health ||');
    expect(items).toEqual([]);
  });

  it('leaves the probes of a Node service that never names the old path, with one item', async () => {
    const files = {
      'lib/src/index.js': "module.exports = require('./terminus-setup');\n",
      'lib/k8s.yaml': 'livenessProbe:\n  httpGet:\n    path: /healthz\n',
    };
    const { out, items } = await migrate(files, fleetModel(ROOT, [serviceModel(ROOT, 'lib')], roles(files)));
    expect(out['lib/k8s.yaml']).toBe(files['lib/k8s.yaml']);
    expect(items).toHaveLength(1);
    expect(items[0].message).toContain('no runtime code of the service in lib registers /healthz');
  });
});

describe('keep comments', () => {
  it('reads keep, do not change and shipshape-ignore in comments on the line or right above', () => {
    expect(keptByComment("app.get('/healthz', h); // keep this\n", 1)).toBe(true);
    expect(keptByComment('# do not change: the LB uses it\npath: /healthz\n', 2)).toBe(true);
    expect(keptByComment('path: /healthz # shipshape-ignore\n', 1)).toBe(true);
    expect(keptByComment('test: ["CMD", "curl", "-f", "http://x/healthz"]   # keep -f: fail on 5xx\n', 1)).toBe(false);
    expect(keptByComment("const keep = '/healthz';\n", 1)).toBe(false);
    expect(keptByComment('// keep\nconst a = 1;\npath: /healthz\n', 3)).toBe(false);
  });
  it('keeps a probe with a keep comment and reports it, without a fleet model too', () => {
    const options = resolveOptions(healthzToHealth, {}, 'test');
    const source = 'livenessProbe:\n  httpGet:\n    path: /healthz # keep\nreadinessProbe:\n  httpGet:\n    path: /healthz\n';
    const r = transformFile({ path: '/r/k8s.yaml', relPath: 'k8s.yaml', root: '/r', source }, [healthzToHealth], { [healthzToHealth.name]: options });
    expect(r.output).toBe('livenessProbe:\n  httpGet:\n    path: /healthz # keep\nreadinessProbe:\n  httpGet:\n    path: /health\n');
    expect(r.manual).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('kept on /healthz by its comment') })]);
  });
});

describe('which files serve routes', () => {
  it('counts runtime code only: not browser code, build tool settings or tests', () => {
    expect(servesRoutes({ role: 'browser', relPath: 'src/api.ts' })).toBe(false);
    expect(servesRoutes({ role: 'runtime', relPath: 'src/app.ts' })).toBe(true);
    expect(servesRoutes({ role: undefined, relPath: 'web/vite.config.ts' })).toBe(false);
    expect(servesRoutes({ role: undefined, relPath: 'test/app.test.ts' })).toBe(false);
  });
});
