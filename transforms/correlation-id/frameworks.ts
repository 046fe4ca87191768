import type { PrepareContext } from '../../src/types';
import { fastifyCliApps } from './fastify-cli';
import type { ScaffoldFramework } from './templates';

// Files that may create an app of each framework (cheap text tests; the transform's finders decide).
const EXPRESS_OR_NEST = /\bexpress\s*(?:\.default\s*)?\(|\bexpress_\d+\.default\b|NestFactory/;
const KOA = /(?:require\(\s*|from\s+)['"]koa['"]/;
const HAPI = /(?:require\(\s*|from\s+)['"](?:@hapi\/hapi|hapi)['"]/;

/**
 * The frameworks of the service's apps that get the correlation-ID module: Express (and Nest on its
 * default platform), Koa, hapi, and the fastify-cli app `fastify start` runs. Fastify apps with a
 * `fastify()` call and the gateway proxies need no module (requestIdHeader, proxy hooks).
 */
export function moduleFrameworks(ctx: PrepareContext): { frameworks: ScaffoldFramework[]; appFiles: string[] } {
  const found = new Set<ScaffoldFramework>();
  const appFiles: string[] = [];
  const cli = fastifyCliApps(ctx.service);
  for (const file of ctx.files) {
    const text = ctx.read(file);
    const here: ScaffoldFramework[] = [];
    if (EXPRESS_OR_NEST.test(text)) here.push('express');
    if (KOA.test(text) && /\bnew\s+[\w$.]+\s*\(/.test(text)) here.push('koa');
    if (HAPI.test(text) && /\b(?:server|Server)\s*\(/.test(text)) here.push('hapi');
    if (cli.has(file)) here.push('fastify');
    for (const f of here) found.add(f);
    if (here.length > 0) appFiles.push(file);
  }
  const order: ScaffoldFramework[] = ['express', 'koa', 'hapi', 'fastify'];
  return { frameworks: order.filter((f) => found.has(f)), appFiles };
}
