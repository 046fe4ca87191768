import fs from 'node:fs';
import path from 'node:path';
import type { OptionSpec, Options, PrepareContext } from '../../src/types';
import { UsageError } from '../../src/types';
import { isPathSpecifier } from '../../src/ast/modules';
import { middlewareFolder } from '../../src/scaffold/folders';
import { scaffoldFolders } from './scaffold-targets';
import { moduleFrameworks } from './frameworks';
import { ADAPTER_NAMES } from './templates';

/** Where the middleware module goes when `scaffold` is on and no `import` is configured. */
export const DEFAULT_SCAFFOLD_IMPORT = './src/middleware/correlation-id';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// A subset of RFC 9110 token characters: enough for real header names, and safe inside any string literal.
const HEADER_NAME = /^[A-Za-z0-9._-]+$/;

const identifier = (value: unknown) => (IDENTIFIER.test(String(value)) ? null : 'expected a JavaScript identifier');

export const OPTIONS: Record<string, OptionSpec> = {
  import: {
    type: 'string',
    description:
      "Module exporting the middleware: a package ('@acme/http') or a path from the config folder ('./packages/shared/src/correlation-id'), written relative to each file. Required unless scaffold is on",
  },
  name: { type: 'string', description: 'Exported name of the Express middleware (the local name for a default export)', default: 'correlationIdMiddleware', validate: identifier },
  kind: { type: 'string', description: 'How the module exports the middleware', enum: ['named', 'default'], default: 'named' },
  header: {
    type: 'string',
    description: 'Header carrying the ID: Fastify reads it, gateways forward it, the scaffolded middleware reads and echoes it',
    default: 'x-correlation-id',
    validate: (v) => (HEADER_NAME.test(String(v)) ? null : 'expected an HTTP header name such as x-correlation-id'),
  },
  scaffold: {
    type: 'boolean',
    description: `Create the middleware module at the import path when it does not exist (default path: the service's ${DEFAULT_SCAFFOLD_IMPORT}). Unset: on when no import is configured, in services with an HTTP app`,
  },
  koaName: { type: 'string', description: 'Named export of the import module that is a Koa middleware: installed with app.use after new Koa()', validate: identifier },
  hapiPlugin: {
    type: 'string',
    description: 'Named export of the import module that is a hapi plugin: registered with await server.register after Hapi.server()',
    validate: identifier,
  },
  fastifyName: {
    type: 'string',
    description: "Named export of the import module that adds the correlation-ID hooks to a Fastify instance: called first in a fastify-cli app's exported plugin",
    validate: identifier,
  },
};

// `scaffold` alone: each service then gets the module where it belongs (its source root, its own
// middlewares folder, each copied folder); one import path would be wrong for all but one of them.
const CONFIG_EXAMPLE = `{
  "transforms": {
    "correlation-id": { "scaffold": true }
  }
}`;

/** A `"type": "module"` JavaScript project: its imports need the file extension. */
function isJavaScriptEsm(root: string): boolean {
  if (fs.existsSync(path.join(root, 'tsconfig.json'))) return false;
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).type === 'module';
  } catch {
    return false;
  }
}

/** `file` (absolute) as a path from the config folder, the way `import` is written. */
function fromRoot(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * Where the scaffold goes when no import is configured: inside the service (its source root), so the
 * module is in its build context; when the service's images copy only some folders, one module in
 * each copied folder that holds an app (`importByFolder`). At the default path without a fleet model.
 */
function scaffoldImports(ctx: PrepareContext, appFiles: string[]): { import: string; importByFolder?: Record<string, string> } {
  const service = ctx.service;
  const ext = isJavaScriptEsm(service ? service.dir : ctx.root) ? '.js' : '';
  if (!service) return { import: DEFAULT_SCAFFOLD_IMPORT + ext };
  const folders = scaffoldFolders(service, appFiles);
  if (folders.length === 0) return { import: fromRoot(ctx.root, path.join(middlewareFolder(service.sourceRoot), 'correlation-id')) + ext };
  const byFolder = Object.fromEntries(folders.map((dir) => [dir, fromRoot(ctx.root, path.join(middlewareFolder(dir), 'correlation-id')) + ext]));
  const first = byFolder[folders[0]];
  return folders.length === 1 ? { import: first } : { import: first, importByFolder: byFolder };
}

/**
 * The scaffold exports an adapter for each framework the service has, and the install steps call
 * them by name; a name the config gives wins (and the scaffold still has the adapter).
 */
function adapterOptions(frameworks: ReturnType<typeof moduleFrameworks>['frameworks'], options: Options): Options {
  return {
    scaffoldFrameworks: frameworks,
    ...(frameworks.includes('koa') && options.koaName === undefined ? { koaName: ADAPTER_NAMES.koa } : {}),
    ...(frameworks.includes('hapi') && options.hapiPlugin === undefined ? { hapiPlugin: ADAPTER_NAMES.hapi } : {}),
    ...(frameworks.includes('fastify') && options.fastifyName === undefined ? { fastifyName: ADAPTER_NAMES.fastify } : {}),
  };
}

/**
 * Checks the options that depend on each other: the middleware has no sensible default package, so
 * without `import` each service with an app that takes the module gets it scaffolded inside the
 * service (unless the config turns `scaffold` off: then the service is undecided, one manual item).
 * Fastify options and gateway proxies need no module: a service with only those gets none.
 */
export function prepareOptions(ctx: PrepareContext): Options {
  const options = { ...ctx.options };
  const { frameworks, appFiles } = moduleFrameworks(ctx);
  if (options.import === undefined) {
    const needed = options.koaName !== undefined || options.hapiPlugin !== undefined || options.fastifyName !== undefined || appFiles.length > 0;
    // A service without an app that takes the module gets none: nothing would import it.
    if (!needed) return frameworks.includes('fastify') ? { ...options, hasFastifyCliApp: true } : options;
    // Zero-config: the module is created inside the service, as console-to-logger does for its
    // logger; only a config that turns scaffold off leaves the service without one.
    if (options.scaffold === false)
      throw new UsageError(
        `correlation-id needs the module that exports the middleware and scaffold is off: set transforms["correlation-id"].import to a package or a path, or let shipshape create it with scaffold, e.g. in shipshape.config.json:\n${CONFIG_EXAMPLE}`,
      );
    options.scaffold = true;
    Object.assign(options, scaffoldImports(ctx, appFiles));
  }
  if (options.scaffold && !isPathSpecifier(options.import))
    throw new UsageError(`correlation-id: scaffold creates a module at a path, but import is the package '${options.import}'; use a path such as '${DEFAULT_SCAFFOLD_IMPORT}' or turn scaffold off`);
  if (options.scaffold) {
    Object.assign(options, adapterOptions(frameworks, options));
    options.scaffoldProxies = ctx.files.some((f) => ctx.read(f).includes('http-proxy-middleware'));
  }
  // Its exported plugin may not name fastify at all (`module.exports = buildApp()`): the prefilter must let it through.
  if (frameworks.includes('fastify')) options.hasFastifyCliApp = true;
  return options;
}
