import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Options, Transform } from '../src/types';
import { UsageError } from '../src/types';
import { applyCaddyfile, isCaddyfile } from './healthz-to-health/caddy';
import { applyCode } from './healthz-to-health/code';
import { checkProbes } from './healthz-to-health/consistency';
import { applyDockerfile, isDockerfile } from './healthz-to-health/dockerfile';
import { PATH_OPTION, pairProblem, type PathPair } from './healthz-to-health/paths';
import { applyYaml } from './healthz-to-health/yaml';

const NAME = 'healthz-to-health';

const pathOption = (value: unknown) => (PATH_OPTION.test(String(value)) ? null : `expected an absolute URL path such as '/health' (letters, digits, - . _ ~ between slashes, no trailing slash), got ${JSON.stringify(value)}`);

/** Cheap text test: the last segment of `from` (NestJS writes `healthz` without its slash). */
function lastSegment(options: Options): string {
  return String(options.from).split('/').pop()!;
}

/** Route registrations, seen for the probe check even in files without the old path. */
const ROUTE_HINT = /\.(get|all|use|route|head)\s*\(\s*(['"`/[{]|[A-Z_]{3,}\b)|@(Get|All|Head|Controller)\s*\(|\b(url|path)\s*:\s*['"`]|\.(url|path|pathname)\s*===?\s*['"`]/;

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
    return ctx.options;
  },
  ast: {
    prefilter: (source, options) => source.includes(lastSegment(options)) || ROUTE_HINT.test(source),
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
    return checkProbes(records, options, NAME);
  },
};

export default toJscodeshift(healthzToHealth);
