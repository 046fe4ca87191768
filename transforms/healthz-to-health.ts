import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Options, Transform } from '../src/types';
import { UsageError } from '../src/types';
import { applyCaddyfile, isCaddyfile } from './healthz-to-health/caddy';
import { applyCode } from './healthz-to-health/code';
import { checkProbes, heldItems, type RouteRecord } from './healthz-to-health/consistency';
import { applyDockerfile } from './healthz-to-health/dockerfile';
import { isDockerfile } from '../src/deploy/probes';
import { PATH_OPTION, pairProblem, type PathPair } from './healthz-to-health/paths';
import { servesRoutes } from './healthz-to-health/owners';
import { buildPlan } from './healthz-to-health/plan';
import { applyYaml } from './healthz-to-health/yaml';
import { lineAt } from '../src/ast/lines';

const NAME = 'healthz-to-health';

const pathOption = (value: unknown) => (PATH_OPTION.test(String(value)) ? null : `expected an absolute URL path such as '/health' (letters, digits, - . _ ~ between slashes, no trailing slash), got ${JSON.stringify(value)}`);

/** Cheap text test: the last segment of `from` (NestJS writes `healthz` without its slash). */
function lastSegment(options: Options): string {
  return String(options.from).split('/').pop()!;
}

/** Route registrations, seen for the probe check even in files without the old path. */
export const ROUTE_HINT = /\.(get|all|use|route|head)\s*\(\s*(['"`/[{]|[A-Z_]{3,}\b)|@(Get|All|Head|Controller)\s*\(|\b(url|path)\s*:\s*['"`]|\.(url|path|pathname)\s*===?\s*['"`]/;

const JSON_NOT_DEPLOYMENT = /(^|\/)(package(-lock)?|npm-shrinkwrap|tsconfig[^/]*|jsconfig|composer|\.eslintrc|\.prettierrc|renovate|lerna|nx|turbo|angular|nest-cli)\.json$/i;

function fileKind(relPath: string): 'dockerfile' | 'compose' | 'yaml' | 'json' | 'caddy' | null {
  if (isDockerfile(relPath)) return 'dockerfile';
  if (isCaddyfile(relPath)) return 'caddy';
  const base = relPath.split('/').pop()!;
  // Helm helpers (`templates/_helpers.tpl`) hold probe snippets too.
  if (/\.tpl$/i.test(base) && /(^|\/)templates\//.test(relPath)) return 'yaml';
  if (/\.ya?ml$/i.test(base)) return /^(docker-)?compose\b.*\.ya?ml$/i.test(base) ? 'compose' : 'yaml';
  if (/\.json$/i.test(base) && !JSON_NOT_DEPLOYMENT.test(relPath)) return 'json';
  return null;
}

/**
 * Route paths registered in a file's text, found by pattern rather than parse: `.get('/status', …)`,
 * `.use('/health', …)` (a prefix), `@Get('status')`, `url: '/status'`, `path: '/status'`.
 */
export function routeCensus(source: string): RouteRecord[] {
  if (!ROUTE_HINT.test(source)) return [];
  const found: RouteRecord[] = [];
  const CALLS = /\.(get|all|use|route|head|post|put|patch|delete)\s*\(\s*(['"`])(\/[^'"`\s]*)\2/g;
  for (const m of source.matchAll(CALLS)) found.push({ kind: 'route', path: m[3], line: lineAt(source, m.index!), prefix: m[1] === 'use' });
  const DECORATORS = /@(Get|All|Head|Controller)\s*\(\s*(['"`])([^'"`\s]*)\2/g;
  for (const m of source.matchAll(DECORATORS)) {
    const path = m[3].startsWith('/') ? m[3] : `/${m[3]}`;
    found.push({ kind: 'route', path, line: lineAt(source, m.index!), prefix: m[1] === 'Controller' });
  }
  // `const STATUS_PATH = '/status'; router.get(STATUS_PATH, …)`: constants that feed a registration.
  const constants = new Map<string, string>();
  for (const m of source.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(['"`])(\/[^'"`\s]*)\2/g)) constants.set(m[1], m[3]);
  if (constants.size > 0) {
    const BY_NAME = /\.(get|all|use|route|head|post|put|patch|delete)\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g;
    for (const m of source.matchAll(BY_NAME)) {
      const path = constants.get(m[2]);
      if (path) found.push({ kind: 'route', path, line: lineAt(source, m.index!), prefix: m[1] === 'use' });
    }
  }
  const KEYS = /\b(url|path)\s*:\s*(['"`])(\/[^'"`\s]*)\2/g;
  for (const m of source.matchAll(KEYS)) found.push({ kind: 'route', path: m[3], line: lineAt(source, m.index!) });
  return found;
}

function pairOf(options: Options): PathPair {
  return { from: options.from, to: options.to };
}

export const healthzToHealth: Transform = {
  name: NAME,
  summary: 'Moves health routes, tests and probes (Dockerfile, compose, Kubernetes) from /healthz to /health',
  options: {
    from: { type: 'string', description: 'The health path to move away from.', default: '/healthz', validate: pathOption },
    to: { type: 'string', description: 'The one health path every service and probe should use.', default: '/health', validate: pathOption },
    keepAlias: {
      type: 'boolean',
      description: 'Keep serving the old path beside the new one during a rolling deploy (Express/Koa/Nest: both paths in one registration; Fastify/hapi: the registration repeated). Probes always move.',
      default: false,
    },
  },
  prepare(ctx) {
    const problem = pairProblem(pairOf(ctx.options));
    if (problem) throw new UsageError(`transforms["${NAME}"]: ${problem}`);
    const plan = buildPlan(ctx, healthzToHealth);
    return plan ? { ...ctx.options, $plan: plan } : ctx.options;
  },
  ast: {
    edits: true,
    roles: ['runtime', 'test'],
    prefilter: (source, options) => source.includes(lastSegment(options)),
    // Files without the old path are not parsed; their route paths still count for the probe check.
    scan: (source, ctx) => {
      if (servesRoutes(ctx)) for (const route of routeCensus(source)) ctx.record(route);
    },
    apply(root, ctx) {
      applyCode(root, ctx);
    },
  },
  text: {
    claims: (relPath) => fileKind(relPath) !== null,
    prefilter: (source, options) => source.includes(lastSegment(options)) || /health|probe/i.test(source),
    apply(source, ctx) {
      const pair = pairOf(ctx.options);
      if (pairProblem(pair)) return source;
      const kind = fileKind(ctx.relPath);
      if (kind === 'dockerfile') return applyDockerfile(source, ctx, pair);
      if (kind === 'caddy') return applyCaddyfile(source, ctx, pair);
      if (kind === 'json' && !/healthcheck/i.test(source)) return source;
      if (kind) return applyYaml(source, ctx, pair, kind);
      return source;
    },
  },
  finalize(records, options) {
    return [...checkProbes(records, options, NAME), ...heldItems(records, options, NAME)];
  },
};

export default toJscodeshift(healthzToHealth);
