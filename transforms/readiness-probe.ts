import fs from 'node:fs';
import path from 'node:path';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import { isTestPath } from '../src/ast/paths';
import { ensureImportEdit } from '../src/ast/edit-imports';
import { fileFramework } from '../src/ast/routes';
import { lineOf } from '../src/ast/scope';
import { deploySites, folderServiceOf } from '../src/fleet/deploy-sites';
import type { FleetModel, ServiceModel } from '../src/fleet/types';
import { lifecycleModule } from '../src/scaffold/lifecycle';
import type { Options, PrepareContext, Transform } from '../src/types';
import { CHECKABLE, checksFor } from './readiness-probe/checks';
import { addReadinessProbes, type ReadyTargets } from './readiness-probe/k8s';
import { READY_PATHS, addReadyRoute, findApps, hasReadinessRoute, lineOfApp } from './readiness-probe/route';
import { readinessModule } from './readiness-probe/scaffold';
import { markStartedAtListen } from './readiness-probe/started';
import { PATH_OPTION } from './healthz-to-health/paths';

const NAME = 'readiness-probe';

type Where = Pick<ServiceModel, 'sourceRoot' | 'language' | 'moduleSystem'>;

const FRAMEWORK_TEXT = /\bexpress\b|fastify|\bkoa\b|hapi|NestFactory/;
const FRAMEWORK_IMPORT = /(?:require\(\s*|from\s+|import\s+)['"](?:express|fastify|koa|@hapi\/hapi|hapi|@nestjs\/core)['"]/;
const STARTS = /\.listen\s*\(|\.start\s*\(\s*\)/;

/** Whether a file's text builds or starts an HTTP app of a framework /ready can be added to. */
function httpAppText(text: string): boolean {
  return FRAMEWORK_IMPORT.test(text) && (STARTS.test(text) || /\b(express|fastify|Koa|Hapi\.server|NestFactory\.create)\s*\(/.test(text));
}
const READY_LITERAL = new RegExp(`['"\`](${READY_PATHS.map((p) => p.replace('/', '\\/')).join('|')})\\/?['"\`]`);

/**
 * Without a fleet model: the service's lifecycle module goes next to the first runtime file that
 * starts a server, in that file's language and module system.
 */
function whereFromFiles(ctx: PrepareContext): Where | undefined {
  for (const file of [...ctx.files].sort()) {
    if (isTestPath(path.relative(ctx.root, file))) continue;
    if (ctx.fleet && ctx.fleet.roles[file] !== 'runtime') continue;
    const text = ctx.read(file);
    if (!httpAppText(text)) continue;
    const ext = path.extname(file);
    const language = /^\.[cm]?ts$/.test(ext) ? 'typescript' : 'javascript';
    const esm = ext === '.mjs' || (ext !== '.cjs' && /^\s*(import\s[^(]|export\s)/m.test(text));
    return { sourceRoot: path.dirname(file), language, moduleSystem: esm ? 'esm' : 'commonjs' };
  }
  return undefined;
}

/** An existing readiness route of the service's runtime code, by text: then nothing is added. */
function existingRoute(ctx: PrepareContext): string | undefined {
  const fromModel = ctx.service?.facts.routes.find((r) => READY_PATHS.includes(r.path) || r.path === ctx.options.path);
  if (fromModel) return `${path.relative(ctx.root, fromModel.file)}:${fromModel.line}`;
  for (const file of ctx.files) {
    if (isTestPath(path.relative(ctx.root, file)) || (ctx.fleet && ctx.fleet.roles[file] !== 'runtime')) continue;
    const text = ctx.read(file);
    const m = READY_LITERAL.exec(text);
    if (m && /\.(get|all|route|use)\s*\(|path\s*:|@Get/.test(text)) return `${path.relative(ctx.root, file)}:${text.slice(0, m.index).split('\n').length}`;
  }
  return undefined;
}

/** A file already at the module's path that is not shipshape's module: importing from it would not build. */
function blockedBy(file: string, marker: string, ctx: PrepareContext): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  return ctx.read(file).includes(marker) ? undefined : file;
}

const targetsByFleet = new WeakMap<FleetModel, ReadyTargets>();

/** The services that get /ready this run, fleet-wide (a manifest may describe containers of several). */
function readyTargets(ctx: PrepareContext): ReadyTargets | undefined {
  const fleet = ctx.fleet;
  if (!fleet) return undefined;
  const cached = targetsByFleet.get(fleet);
  if (cached) return cached;
  const dirs = fleet.services.map((s) => s.dir);
  const withApp = new Set<string>();
  for (const [file, role] of Object.entries(fleet.roles)) {
    if (role !== 'runtime') continue;
    const dir = folderServiceOf(dirs, file);
    if (dir === undefined || withApp.has(dir)) continue;
    try {
      if (httpAppText(ctx.read(file))) withApp.add(dir);
    } catch {
      // unreadable: not counted
    }
  }
  const ready = fleet.services.filter((s) => s.isNode && withApp.has(s.dir) && !s.facts.routes.some((r) => READY_PATHS.includes(r.path))).map((s) => s.dir);
  const targets = { sites: deploySites(fleet), dirs, ready };
  targetsByFleet.set(fleet, targets);
  return targets;
}

function prepare(ctx: PrepareContext): Options {
  const o = { ...ctx.options };
  if (!PATH_OPTION.test(String(o.path))) return o;
  // Manifests anywhere (a root `infra/k8s`) follow the fleet-wide decision of which services get the route.
  o.$targets = readyTargets(ctx);
  if (ctx.service && !ctx.service.isNode) return o;
  // Only a service with an HTTP app gets the modules (a gRPC or queue worker has no route to add).
  const found = whereFromFiles(ctx);
  if (!found) return o;
  const where: Where = ctx.service ? { sourceRoot: ctx.service.sourceRoot, language: ctx.service.language, moduleSystem: ctx.service.moduleSystem } : found;
  o.$existing = existingRoute(ctx);
  const life = lifecycleModule(where);
  const ready = readinessModule(where);
  o.$blocked = blockedBy(life.path, 'markStarted', ctx) ?? blockedBy(ready.path, 'export', ctx);
  o.$where = where;
  o.$resources = (ctx.service?.facts.resources ?? []).filter((r) => (o.checks as string[]).includes(r.kind));
  return o;
}

function generate(ctx: PrepareContext) {
  const o = ctx.options;
  if (!o.$where || o.$existing || o.$blocked) return [];
  const life = lifecycleModule(o.$where);
  const ready = readinessModule(o.$where);
  return [
    { path: life.path, content: life.content },
    { path: ready.path, content: ready.content },
  ];
}

export const readinessProbe: Transform = {
  name: NAME,
  editsTogether: true,
  summary: 'Adds a /ready route that answers 503 until startup has finished, while shutdown drains and when a database or cache check fails; Kubernetes readinessProbes on it',
  options: {
    path: {
      type: 'string',
      description: 'The readiness path the route serves and readinessProbes use.',
      default: '/ready',
      validate: (v) => (PATH_OPTION.test(String(v)) ? null : `expected an absolute URL path such as '/ready', got ${JSON.stringify(v)}`),
    },
    checks: {
      type: 'string[]',
      description: `Kinds of resources the fleet model found that /ready checks (${CHECKABLE.join(', ')}); [] checks only startup and draining.`,
      default: [...CHECKABLE],
      validate: (v) => {
        const bad = (v as string[]).filter((k) => !(CHECKABLE as readonly string[]).includes(k));
        return bad.length ? `unknown check kinds ${bad.join(', ')}; known: ${CHECKABLE.join(', ')}` : null;
      },
    },
    timeoutMs: {
      type: 'number',
      description: 'How long each check may take before /ready answers 503 naming it.',
      default: 1000,
      validate: (v) => (Number.isInteger(v) && (v as number) > 0 && (v as number) <= 30000 ? null : 'expected a whole number of milliseconds between 1 and 30000'),
    },
  },
  prepare,
  generate,
  ast: {
    edits: true,
    roles: ['runtime'],
    prefilter: (source) => FRAMEWORK_TEXT.test(source) || STARTS.test(source),
    exclude(relPath, absPath, options) {
      if (isTestPath(relPath)) return 'test file';
      if (!options.$where) return null;
      const own = [lifecycleModule(options.$where).path, readinessModule(options.$where).path];
      return own.includes(absPath) ? 'the readiness module itself' : null;
    },
    apply(root, ctx) {
      const o = ctx.options;
      if (!o.$where || o.$existing) return;
      const j = ctx.j;
      const apps = findApps(root, ctx);
      const nest = fileFramework(ctx.source) === 'nest' && /NestFactory\s*\.\s*create\b/.test(ctx.source);
      if (o.$blocked) {
        if (apps.length || nest) ctx.manual(apps.length ? lineOfApp(apps[0]) : 0, `${o.$blocked} exists and is not shipshape's lifecycle/readiness module: no /ready route added; rename it, or add ${o.path} yourself`);
        return;
      }
      const life = lifecycleModule(o.$where);
      const ready = readinessModule(o.$where);
      const imported = new Map<string, string>();
      const local = (name: string, spec: string) => {
        if (!imported.has(name)) imported.set(name, ensureImportEdit(ctx, root, { source: spec, name, kind: 'named' }).local);
        return imported.get(name)!;
      };
      // Find and add: the route on each app the file creates.
      // A file that imports the readiness module already has its route (Koa's is a middleware, not a registration).
      const hasOwn = ctx.source.includes(`'${ready.specifierFrom(ctx.path)}'`) || ctx.source.includes(`"${ready.specifierFrom(ctx.path)}"`);
      if (apps.length && !hasOwn && !hasReadinessRoute(root, ctx)) {
        for (const app of apps) {
          const checks = checksFor(j, root, ctx.path, o.$resources ?? [], o.checks);
          const call = `${local('readiness', ready.specifierFrom(ctx.path))}(${checks.text || '{}'}, ${o.timeoutMs})`;
          if (addReadyRoute(root, ctx, app, call)) ctx.changed();
          else ctx.manual(lineOfApp(app), `${app.app.name} is not created in a statement list a route can follow: add ${o.path} yourself (readiness() from ${ready.specifierFrom(ctx.path)})`);
          if (checks.unreachable.length)
            ctx.manual(lineOfApp(app), `${o.path} does not check ${checks.unreachable.join(', ')}: not in scope here; pass a check for each to readiness() (e.g. { pg: () => pool.query('SELECT 1') })`);
        }
      }
      if (nest) {
        const at = root.find(j.MemberExpression, { property: { name: 'create' } }).paths()[0];
        ctx.manual(at ? lineOf(at.node) : 0, `NestJS: add a controller with @Get('${o.path.slice(1)}') that answers readiness() from ${ready.specifierFrom(ctx.path)} (503 with its body when status is not 200)`);
      }
      // Plan edits: markStarted where the server listens.
      if (!/\bmarkStarted\s*\(/.test(ctx.source)) {
        const hapiServers = apps.filter((a) => a.framework === 'hapi').map((a) => a.app.name);
        let name: string | null = null;
        const placed = markStartedAtListen(root, ctx, () => (name ??= local('markStarted', life.specifierFrom(ctx.path))), hapiServers);
        ctx.changed(placed.placed);
        for (const m of placed.manual) ctx.manual(m.line, m.message);
      }
    },
  },
  text: {
    claims: (relPath) => /\.ya?ml$/i.test(relPath) && !/(^|\/)(docker-)?compose[^/]*\.ya?ml$/i.test(relPath) && !/(^|\/)\.github\//.test(relPath),
    prefilter: (source) => source.includes('livenessProbe'),
    apply(source, ctx) {
      const o = ctx.options;
      if (o.$targets) return addReadinessProbes(source, ctx, o.$targets);
      if (!o.$where || o.$existing || o.$blocked) return source;
      return addReadinessProbes(source, ctx, undefined);
    },
  },
};

export default toJscodeshift(readinessProbe);
