import path from 'node:path';
import { isTestPath } from '../../src/ast/paths';
import type { Framework } from '../../src/fleet/types';
import type { PrepareContext } from '../../src/types';
import { fastifyCliApps } from './fastify-cli';
import type { ScaffoldFramework } from './templates';

// Files that may create an app of each framework (cheap text tests; the transform's finders decide).
const EXPRESS_OR_NEST = /\bexpress\s*(?:\.default\s*)?\(|\bexpress_\d+\.default\b|NestFactory/;
// A generator whose templates spell `express()` in strings imports neither.
const IMPORTS_EXPRESS_OR_NEST = /(?:require\(\s*|from\s+)['"](?:express|@nestjs\/core)['"]/;
const KOA = /(?:require\(\s*|from\s+)['"]koa['"]/;
const HAPI = /(?:require\(\s*|from\s+)['"](?:@hapi\/hapi|hapi)['"]/;

// A Nest app on the Fastify platform takes requestIdHeader, not the Express middleware.
const NEST_ON_FASTIFY = /FastifyAdapter|NestFastifyApplication/;

const BY_FACT: Partial<Record<Framework, ScaffoldFramework>> = { express: 'express', nest: 'express', koa: 'koa', hapi: 'hapi' };

/**
 * The frameworks of the service's apps that get the correlation-ID module: Express (and Nest on its
 * default platform), Koa, hapi, and the fastify-cli app `fastify start` runs. Fastify apps with a
 * `fastify()` call and the gateway proxies need no module (requestIdHeader, proxy hooks). The fleet
 * model's apps, when there is a model, and cheap text tests over the files.
 */
export function moduleFrameworks(ctx: PrepareContext): { frameworks: ScaffoldFramework[]; appFiles: string[] } {
  const found = new Set<ScaffoldFramework>();
  const appFiles = new Set<string>();
  const add = (file: string, f: ScaffoldFramework) => {
    found.add(f);
    appFiles.add(file);
  };
  const cli = fastifyCliApps(ctx.service);
  // Only files the transform will change: a module no runtime file imports would be dead code.
  const roles = ctx.fleet?.roles;
  const files = new Set(ctx.files.filter((f) => roles?.[f] === undefined || roles[f] === 'runtime'));
  for (const file of files) if (cli.has(file)) add(file, 'fastify');
  // The model's apps, and files that import a framework and create something with it: the model
  // misses some apps (an Express app made inside a function and handed to helpers).
  for (const app of ctx.service?.facts?.apps ?? []) {
    const f = BY_FACT[app.framework];
    if (f && files.has(app.file) && !(app.framework === 'nest' && NEST_ON_FASTIFY.test(ctx.read(app.file)))) add(app.file, f);
  }
  for (const file of files) {
    // A test's express() is no app of the service (the transform never edits tests either).
    if (isTestPath(path.relative(ctx.root, file))) continue;
    const text = ctx.read(file);
    if (EXPRESS_OR_NEST.test(text) && IMPORTS_EXPRESS_OR_NEST.test(text) && !NEST_ON_FASTIFY.test(text)) add(file, 'express');
    if (KOA.test(text) && /\bnew\s+[\w$.]+\s*\(/.test(text)) add(file, 'koa');
    if (HAPI.test(text) && /\b(?:server|Server)\s*\(/.test(text)) add(file, 'hapi');
  }
  const order: ScaffoldFramework[] = ['express', 'koa', 'hapi', 'fastify'];
  return { frameworks: order.filter((f) => found.has(f)), appFiles: [...appFiles].sort() };
}
