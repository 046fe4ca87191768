import type { Framework } from '../../src/fleet/types';
import type { PrepareContext } from '../../src/types';
import { fastifyCliApps } from './fastify-cli';
import type { ScaffoldFramework } from './templates';

// Files that may create an app of each framework (cheap text tests; the transform's finders decide).
const EXPRESS_OR_NEST = /\bexpress\s*(?:\.default\s*)?\(|\bexpress_\d+\.default\b|NestFactory/;
const KOA = /(?:require\(\s*|from\s+)['"]koa['"]/;
const HAPI = /(?:require\(\s*|from\s+)['"](?:@hapi\/hapi|hapi)['"]/;

// A Nest app on the Fastify platform takes requestIdHeader, not the Express middleware.
const NEST_ON_FASTIFY = /FastifyAdapter|NestFastifyApplication/;

const BY_FACT: Partial<Record<Framework, ScaffoldFramework>> = { express: 'express', nest: 'express', koa: 'koa', hapi: 'hapi' };

/**
 * The frameworks of the service's apps that get the correlation-ID module: Express (and Nest on its
 * default platform), Koa, hapi, and the fastify-cli app `fastify start` runs. Fastify apps with a
 * `fastify()` call and the gateway proxies need no module (requestIdHeader, proxy hooks). In a run
 * the fleet model's apps decide (a generator whose templates spell `express()` has none); outside a
 * run, cheap text tests over the files.
 */
export function moduleFrameworks(ctx: PrepareContext): { frameworks: ScaffoldFramework[]; appFiles: string[] } {
  const found = new Set<ScaffoldFramework>();
  const appFiles = new Set<string>();
  const add = (file: string, f: ScaffoldFramework) => {
    found.add(f);
    appFiles.add(file);
  };
  const cli = fastifyCliApps(ctx.service);
  const files = new Set(ctx.files);
  for (const file of ctx.files) if (cli.has(file)) add(file, 'fastify');
  const apps = ctx.service?.facts?.apps;
  if (apps) {
    for (const app of apps) {
      const f = BY_FACT[app.framework];
      if (!f || !files.has(app.file) || (app.framework === 'nest' && NEST_ON_FASTIFY.test(ctx.read(app.file)))) continue;
      add(app.file, f);
    }
  } else {
    for (const file of ctx.files) {
      const text = ctx.read(file);
      if (EXPRESS_OR_NEST.test(text) && !NEST_ON_FASTIFY.test(text)) add(file, 'express');
      if (KOA.test(text) && /\bnew\s+[\w$.]+\s*\(/.test(text)) add(file, 'koa');
      if (HAPI.test(text) && /\b(?:server|Server)\s*\(/.test(text)) add(file, 'hapi');
    }
  }
  const order: ScaffoldFramework[] = ['express', 'koa', 'hapi', 'fastify'];
  return { frameworks: order.filter((f) => found.has(f)), appFiles: [...appFiles].sort() };
}
