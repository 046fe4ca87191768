import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { execute } from '../src/runner/run';
import { tempTree } from './helpers/cli';
import { transformFile } from '../src/engine/transform-file';
import type { FileRecord } from '../src/types';
import { healthzToHealth } from '../transforms/healthz-to-health';
import { checkProbes, serves, type HealthRecord } from '../transforms/healthz-to-health/consistency';
import { pairProblem, rewriteCommand, rewriteRegexSource, rewriteUrl, rewriteNestPath } from '../transforms/healthz-to-health/paths';

const pair = { from: '/healthz', to: '/health' };

describe('path matching', () => {
  it('rewrites whole segments of routes and URLs only', () => {
    const rw = (s: string) => rewriteUrl(s, pair).text;
    expect(rw('/healthz')).toBe('/health');
    expect(rw('/api/v1/healthz')).toBe('/api/v1/health');
    expect(rw('/healthz?full=1')).toBe('/health?full=1');
    expect(rw('/healthz/')).toBe('/health/');
    expect(rw('/healthz/live')).toBe('/health/live');
    expect(rw('http://localhost:3001/healthz')).toBe('http://localhost:3001/health');
    expect(rw('localhost:3001/healthz')).toBe('localhost:3001/health');
    expect(rw('/healthzcheck')).toBe('/healthzcheck');
    expect(rw('/healthz.json')).toBe('/healthz.json');
    expect(rw('/api/healthz-v2')).toBe('/api/healthz-v2');
    expect(rw('./routes/healthz')).toBe('./routes/healthz');
    expect(rw('routes/healthz')).toBe('routes/healthz');
    expect(rw('http://healthz/status')).toBe('http://healthz/status');
    expect(rw('/healthz is down')).toBe('/healthz is down');
    expect(rw('/search?next=/healthz')).toBe('/search?next=/healthz');
  });
  it('rewrites NestJS paths without their leading slash', () => {
    expect(rewriteNestPath('healthz', pair).text).toBe('health');
    expect(rewriteNestPath('v1/healthz', pair).text).toBe('v1/health');
    expect(rewriteNestPath('healthzcheck', pair).count).toBe(0);
  });
  it('rewrites probe URLs in commands, not file paths', () => {
    expect(rewriteCommand('curl -f http://localhost:3000/healthz || exit 1', pair).text).toBe('curl -f http://localhost:3000/health || exit 1');
    expect(rewriteCommand('wget -qO- "http://127.0.0.1:${PORT:-3000}/healthz"', pair).text).toBe('wget -qO- "http://127.0.0.1:${PORT:-3000}/health"');
    expect(rewriteCommand("http.get({ port: 80, path: '/healthz' })", pair).text).toBe("http.get({ port: 80, path: '/health' })");
    expect(rewriteCommand('/usr/local/bin/healthz --port 3000', pair).count).toBe(0);
    expect(rewriteCommand('curl -f http://localhost/healthzcheck', pair).count).toBe(0);
    expect(rewriteCommand('curl http://localhost:3000/healthz', pair).probes).toEqual(['/health']);
  });
  it('rewrites regular expressions only where the segment ends', () => {
    expect(rewriteRegexSource('^\\/healthz\\/?$', pair).text).toBe('^\\/health\\/?$');
    expect(rewriteRegexSource('^\\/healthz$', pair).text).toBe('^\\/health$');
    expect(rewriteRegexSource('^\\/healthz?$', pair).count).toBe(0);
    expect(rewriteRegexSource('^\\/healthzcheck', pair).count).toBe(0);
  });
  it('refuses a `to` that a second run would rewrite again', () => {
    expect(pairProblem({ from: '/health', to: '/health/live' })).toMatch(/second run/);
    expect(pairProblem({ from: '/health', to: '/health' })).toMatch(/both/);
    expect(pairProblem(pair)).toBeNull();
  });
});

function rec(relPath: string, data: HealthRecord): FileRecord {
  return { relPath, path: `/r/${relPath}`, data };
}

describe('finalize: probes without a route', () => {
  const options = { from: '/healthz', to: '/health', keepAlias: false };
  it('reports a Dockerfile probe that no route of its service serves', () => {
    const items = checkProbes(
      [
        rec('services/api/Dockerfile', { kind: 'probe', path: '/health', line: 9, what: 'Dockerfile HEALTHCHECK' }),
        rec('services/api/src/app.ts', { kind: 'route', path: '/status', line: 4 }),
        rec('services/web/src/app.ts', { kind: 'route', path: '/health', line: 4 }),
      ],
      options,
      'healthz-to-health',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: '/r/services/api/Dockerfile', line: 9, transform: 'healthz-to-health' });
    expect(items[0].message).toContain('probes /health, but no route under services/api serves it (routes seen: /status)');
  });
  it('accepts routes under a mount prefix, parameters, prefixes and regexes', () => {
    expect(serves({ kind: 'route', path: '/health', line: 1 }, '/api/v1/health')).toBe(true);
    expect(serves({ kind: 'route', path: '/:page', line: 1 }, '/health')).toBe(true);
    expect(serves({ kind: 'route', path: '/health', line: 1, prefix: true }, '/health/live')).toBe(true);
    expect(serves({ kind: 'route', path: '/health', line: 1 }, '/health/live')).toBe(false);
    expect(serves({ kind: 'route', regex: '^\\/health\\/?$', line: 1 }, '/health')).toBe(true);
    expect(serves({ kind: 'route', path: '/healthcheck', line: 1 }, '/health')).toBe(false);
  });
  it('uses the compose build context and falls back to the nearest folder with routes', () => {
    const records = [
      rec('docker-compose.yml', { kind: 'probe', path: '/health', line: 8, what: 'compose healthcheck of service api', folder: './services/api' }),
      rec('deploy/k8s/web.yaml', { kind: 'probe', path: '/ready', line: 15, what: 'livenessProbe.httpGet.path' }),
      rec('services/api/src/app.ts', { kind: 'route', path: '/health', line: 4 }),
      rec('services/web/src/app.ts', { kind: 'route', path: '/status', line: 4 }),
    ];
    const items = checkProbes(records, options, 'healthz-to-health');
    expect(items.map((i) => [i.path, i.line])).toEqual([['/r/deploy/k8s/web.yaml', 15]]);
    expect(items[0].message).toContain('no route under the project serves it');
  });
  it('says nothing when no route was seen', () => {
    expect(checkProbes([rec('Dockerfile', { kind: 'probe', path: '/health', line: 3, what: 'Dockerfile HEALTHCHECK' })], options, 'x')).toEqual([]);
  });
});

describe('engine integration', () => {
  const run = (relPath: string, source: string, given: Record<string, unknown> = {}) => {
    const options = resolveOptions(healthzToHealth, given, 'test');
    return transformFile({ path: `/r/${relPath}`, relPath, root: '/r', source }, [healthzToHealth], { [healthzToHealth.name]: options });
  };
  it('records the routes a file serves after the run, also in files without the old path', () => {
    const r = run('src/app.js', "const app = require('express')();\napp.get('/status', (req, res) => res.send('ok'));\n");
    expect(r.records['healthz-to-health']).toEqual([{ kind: 'route', path: '/status', line: 2, prefix: false }]);
    const viaConstant = run('src/routes.js', "const STATUS_PATH = '/status';\nrouter.get(STATUS_PATH, check);\n");
    expect(viaConstant.records['healthz-to-health']).toEqual([{ kind: 'route', path: '/status', line: 2, prefix: false }]);
  });
  it('records a Dockerfile probe even when it already uses the new path', () => {
    const r = run('Dockerfile', 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\n');
    expect(r.status).toBe('unchanged');
    expect(r.records['healthz-to-health']).toEqual([{ kind: 'probe', path: '/health', line: 2, what: 'Dockerfile HEALTHCHECK' }]);
  });
  it('keeps CRLF line endings and YAML comments', () => {
    const r = run('k8s/app.yaml', 'livenessProbe:\r\n  httpGet:\r\n    path: /healthz # probe\r\n');
    expect(r.output).toBe('livenessProbe:\r\n  httpGet:\r\n    path: /health # probe\r\n');
  });
  it('takes other paths', () => {
    const r = run('src/app.js', "app.get('/ping', (req, res) => res.end());\n", { from: '/ping', to: '/livez' });
    expect(r.output).toBe("app.get('/livez', (req, res) => res.end());\n");
  });
  it('rejects invalid options', () => {
    expect(() => resolveOptions(healthzToHealth, { to: 'health' }, 't')).toThrow(/absolute URL path/);
    expect(() => healthzToHealth.prepare!({ cwd: '/', root: '/', files: [], options: { from: '/health', to: '/health/x' }, read: () => '' })).toThrow(/second run/);
  });
});

describe('whole run', () => {
  it('moves code and probes together and reports a probe no route serves', async () => {
    const dir = tempTree({
      'package.json': '{"name":"fleet"}',
      'services/api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\n',
      'services/api/src/app.js': "const app = require('express')();\napp.get('/status', (req, res) => res.send('ok'));\n",
      'services/web/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/healthz || exit 1\n',
      'services/web/src/app.js': "const app = require('express')();\napp.get('/healthz', (req, res) => res.send('ok'));\n",
      'docker-compose.yml': 'services:\n  web:\n    build: ./services/web\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/healthz"]\n',
    });
    const { report } = await execute({ cwd: dir, transforms: ['healthz-to-health'], mode: 'dry' });
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath['services/web/Dockerfile'].status).toBe('changed');
    expect(byPath['services/web/src/app.js'].status).toBe('changed');
    expect(byPath['docker-compose.yml'].status).toBe('changed');
    expect(byPath['docker-compose.yml'].manual).toEqual([]);
    expect(byPath['services/api/Dockerfile'].manual).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('probes /health, but no route under services/api serves it (routes seen: /status)') }),
    ]);
  });
});

describe('route census of files that are not parsed', () => {
  it('records route paths by pattern, with lines and prefixes', async () => {
    const { routeCensus } = await import('../transforms/healthz-to-health');
    const source = "router.get('/status', h);\napp.use('/api', api);\n@Controller('ready')\nfastify.route({ url: '/live', handler });\n";
    expect(routeCensus(source)).toEqual([
      { kind: 'route', path: '/status', line: 1, prefix: false },
      { kind: 'route', path: '/api', line: 2, prefix: true },
      { kind: 'route', path: '/ready', line: 3, prefix: true },
      { kind: 'route', path: '/live', line: 4 },
    ]);
    expect(routeCensus('const x = 1;\n')).toEqual([]);
  });
});
