import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { discoverServices, serviceLookup, slugOf } from '../src/fleet/services';
import { parseShard, selectServices } from '../src/rollout/shard';
import { tempTree } from './helpers/cli';

const names = (dir: string) => discoverServices(loadConfig(dir)).map((s) => `${s.name}@${s.rel}`);

describe('rollout: service discovery', () => {
  it('npm/yarn workspaces (array and { packages }), negations honoured, root last', () => {
    const files = {
      'services/a/package.json': '{"name":"@acme/a"}',
      'services/b/package.json': '{"name":"b"}',
      'services/old/package.json': '{"name":"old"}',
      'tools/x/package.json': '{"name":"x"}',
      'services/a/node_modules/dep/package.json': '{"name":"dep"}',
    };
    const npm = tempTree({ ...files, 'package.json': JSON.stringify({ workspaces: ['services/*', '!services/old'] }) });
    expect(names(npm)).toEqual(['@acme/a@services/a', 'b@services/b', '(root)@']);
    const yarn = tempTree({ ...files, 'package.json': JSON.stringify({ workspaces: { packages: ['tools/*'] } }) });
    expect(names(yarn)).toEqual(['x@tools/x', '(root)@']);
  });

  it('pnpm-workspace.yaml', () => {
    const dir = tempTree({
      'package.json': '{"name":"root"}',
      'pnpm-workspace.yaml': "packages:\n  - 'apps/**'\n  - '!apps/legacy/**'\n",
      'apps/web/package.json': '{"name":"web"}',
      'apps/api/v2/package.json': '{"name":"api"}',
      'apps/legacy/one/package.json': '{"name":"legacy"}',
      'lib/package.json': '{"name":"lib"}',
    });
    expect(names(dir)).toEqual(['api@apps/api/v2', 'web@apps/web', '(root)@']);
  });

  it('without workspaces: every folder below the root with a package.json, node_modules and dist excluded; unnamed or duplicate names use the folder', () => {
    const dir = tempTree({
      'package.json': '{"name":"root"}',
      'svc/one/package.json': '{"name":"one"}',
      'svc/two/package.json': '{}',
      'svc/dup1/package.json': '{"name":"dup"}',
      'svc/dup2/package.json': '{"name":"dup"}',
      'node_modules/x/package.json': '{"name":"x"}',
      'dist/package.json': '{"name":"built"}',
    });
    expect(names(dir)).toEqual(['svc/dup1@svc/dup1', 'svc/dup2@svc/dup2', 'one@svc/one', 'svc/two@svc/two', '(root)@']);
  });

  it('the config list wins over discovery, with its overrides; duplicate or reserved names are refused', () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ workspaces: ['services/*'] }),
      'services/payment-service/package.json': '{"name":"pay"}',
      'shipshape.config.json': JSON.stringify({ services: [{ name: 'payments', path: 'services/payment-service', transforms: { x: { a: 1 } } }] }),
    });
    const services = discoverServices(loadConfig(dir));
    expect(services.map((s) => s.name)).toEqual(['payments', '(root)']);
    expect(services[0]).toMatchObject({ rel: 'services/payment-service', transforms: { x: { a: 1 } }, where: 'services[0].transforms', slug: 'payments' });
    const dup = tempTree({ 'shipshape.config.json': JSON.stringify({ services: [{ name: 'a', path: 'x' }, { name: 'a', path: 'y' }] }), 'x/a.js': '', 'y/a.js': '' });
    expect(() => discoverServices(loadConfig(dup))).toThrow(/the name 'a' is used twice/);
    const reserved = tempTree({ 'shipshape.config.json': JSON.stringify({ services: [{ name: '(root)', path: 'x' }] }), 'x/a.js': '' });
    expect(() => discoverServices(loadConfig(reserved))).toThrow(/reserved/);
    const typo = tempTree({ 'shipshape.config.json': JSON.stringify({ services: [{ name: 'a', path: 'servces/a' }] }), 'services/a/a.js': '' });
    expect(() => discoverServices(loadConfig(typo))).toThrow(/services\[0\]\.path: no folder servces\/a below /);
  });

  it('every file belongs to its nearest service, else (root)', () => {
    const dir = tempTree({
      'package.json': '{"name":"root"}',
      'apps/api/package.json': '{"name":"api"}',
      'apps/api/plugins/auth/package.json': '{"name":"auth"}',
      'apps/api-gateway/package.json': '{"name":"gw"}',
    });
    const of = serviceLookup(discoverServices(loadConfig(dir)));
    expect(of(path.join(dir, 'apps/api/src/a.ts')).name).toBe('api');
    expect(of(path.join(dir, 'apps/api/plugins/auth/index.ts')).name).toBe('auth');
    expect(of(path.join(dir, 'apps/api-gateway/x.ts')).name).toBe('gw');
    expect(of(path.join(dir, 'scripts/x.ts')).name).toBe('(root)');
  });

  it('slugs are safe in file and branch names, and unique', () => {
    expect(slugOf('@acme/payments')).toBe('acme-payments');
    expect(slugOf('(root)')).toBe('root');
    expect(slugOf('a b:c~d^e?f*g[h]\\i')).toBe('a-b-c-d-e-f-g-h-i');
    expect(slugOf('..hidden..x.lock')).toBe('hidden.x-lock');
    const dir = tempTree({ 'a/package.json': '{"name":"@x/y"}', 'b/package.json': '{"name":"x-y"}', 'c/package.json': '{"name":"root"}' });
    expect(discoverServices(loadConfig(dir)).map((s) => s.slug)).toEqual(['x-y', 'x-y-2', 'root', 'root-2']);
  });
});

describe('rollout: --service and --shard', () => {
  const dir = tempTree(Object.fromEntries(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((n) => [`svc/${n}/package.json`, JSON.stringify({ name: `@co/${n}` })])));
  const services = discoverServices(loadConfig(dir));

  it('--service by name, slug, folder or glob; an unknown one is a usage error with a suggestion', () => {
    expect(selectServices(services, ['@co/beta']).map((s) => s.slug)).toEqual(['co-beta']);
    expect(selectServices(services, ['co-gamma', 'svc/eta']).map((s) => s.slug)).toEqual(['co-eta', 'co-gamma']);
    expect(selectServices(services, ['@co/e*']).map((s) => s.slug).sort()).toEqual(['co-epsilon', 'co-eta']);
    expect(selectServices(services, ['(root)', 'root']).map((s) => s.name)).toEqual(['(root)']);
    expect(() => selectServices(services, ['@co/betta'])).toThrow(/--service @co\/betta: no service matches \(did you mean '@co\/beta'\?\)/);
  });

  it('shards are disjoint, cover every service once, and do not depend on discovery order', () => {
    for (const n of [1, 2, 3, 8, 10]) {
      const parts = Array.from({ length: n }, (_, i) => selectServices(services, [], { index: i + 1, count: n }).map((s) => s.name));
      const all = parts.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(services.map((s) => s.name).sort());
      expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
      const reversed = Array.from({ length: n }, (_, i) => selectServices([...services].reverse(), [], { index: i + 1, count: n }).map((s) => s.name));
      expect(reversed.map((p) => [...p].sort())).toEqual(parts.map((p) => [...p].sort()));
    }
  });

  it('--shard applies after --service; bad values are usage errors', () => {
    const picked = selectServices(services, ['@co/*'], { index: 2, count: 2 }).map((s) => s.name);
    expect(picked.every((n) => n.startsWith('@co/'))).toBe(true);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/expected <i>\/<n>/);
  });
});
