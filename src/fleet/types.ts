/**
 * The fleet model: what shipshape believes about every service of a run, computed once in the main
 * process before any file is transformed, and handed to transforms as data (`ctx.service`,
 * `ctx.role`, and the whole fleet in `prepare`/`finalize`). Transforms read it; they never repeat
 * the logic that built it. Everything here is plain, serialisable data: it crosses worker
 * boundaries and is printed by `shipshape services --json`.
 *
 * Paths are absolute unless a field says otherwise.
 */

/** What a JS/TS file is to its service. Only `runtime` files are started with the service. */
export type FileRole = 'runtime' | 'test' | 'tooling' | 'browser' | 'generated' | 'unknown';

export const FILE_ROLES: readonly FileRole[] = ['runtime', 'test', 'tooling', 'browser', 'generated', 'unknown'];

export type Language = 'typescript' | 'javascript';
export type ModuleSystem = 'commonjs' | 'esm';

/** A place in a file, for evidence in reports and manual items. */
export interface Where {
  file: string;
  /** 1-based; 0 when the whole file is meant. */
  line: number;
}

export interface PackageFacts {
  file: string;
  name?: string;
  type?: 'module' | 'commonjs';
  main?: string;
  exports?: unknown;
  bin?: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** Installed versions read from the lockfile or node_modules (package name → version), for typings-sensitive scaffolds. */
  installed: Record<string, string>;
}

export interface TsconfigFacts {
  file: string;
  rootDir?: string;
  outDir?: string;
  baseUrl?: string;
  /** compilerOptions.paths as written (patterns → targets relative to baseUrl or the tsconfig's folder). */
  paths?: Record<string, string[]>;
  module?: string;
  moduleResolution?: string;
  allowJs?: boolean;
  checkJs?: boolean;
  /** Parse or extends errors: the model still stands, verification says how far it got. */
  errors: string[];
}

export interface CommandFacts extends Where {
  /** `exec` (JSON array form: signals reach the program) or `shell` (through /bin/sh -c). */
  form: 'exec' | 'shell';
  argv: string[];
  /** As written, for messages. */
  text: string;
}

/** One source of a COPY/ADD of a Dockerfile's final stage: where it comes from and where the image holds it. */
export interface ImageCopy {
  /** Absolute path in the build context, or, copied `--from` another stage, in that stage's image. */
  source: string;
  /** Absolute path in the image. */
  dest: string;
  /** Whether `dest` is a folder the source goes into (`./`, several sources), not the source's new name. */
  intoDir: boolean;
  /** A file, by its name (`package.json`, `server.js`); a folder otherwise (`src`, `api-gateway/`, `.`). */
  file: boolean;
  /** For `COPY --from=<stage>`: that stage's copies, to follow `source` back to the context. */
  stage?: ImageCopy[];
}

export interface DockerfileFacts {
  file: string;
  /** The folder `docker build` runs in (compose `build.context`, else what the repository's build commands or the COPY sources say). */
  context: string;
  /** For a Dockerfile no compose file names: why `context` is where it is built from (a build command, its COPY sources). */
  contextFrom?: string;
  /** Source paths COPY/ADD take from the context (absolute; a folder means everything below it). */
  copies: string[];
  workdir?: string;
  /** The final stage's copies with their image destinations, to map CMD paths back to files (src/fleet/image-paths.ts). */
  imageCopies?: ImageCopy[];
  cmd?: CommandFacts;
  entrypoint?: CommandFacts;
  /** `STOPSIGNAL`, when set. */
  stopSignal?: string;
}

export interface ComposeServiceFacts extends Where {
  /** The compose service's name (what other containers call it by). */
  name: string;
  buildContext?: string;
  dockerfile?: string;
  command?: CommandFacts;
  /** compose `stop_grace_period`, in seconds. */
  stopGracePeriodSeconds?: number;
  init?: boolean;
  ports: string[];
  healthcheck?: string[];
}

export interface KubernetesFacts extends Where {
  /** Container name, and the Deployment/StatefulSet it belongs to. */
  container: string;
  workload?: string;
  terminationGracePeriodSeconds?: number;
  livenessPath?: string;
  readinessPath?: string;
  ports: number[];
  command?: string[];
}

export interface DeployFacts {
  dockerfiles: DockerfileFacts[];
  compose: ComposeServiceFacts[];
  kubernetes: KubernetesFacts[];
  /** ECS task definition `stopTimeout`, when found. */
  ecsStopTimeoutSeconds?: number;
  /**
   * The grace period the orchestrator gives the process after SIGTERM, in seconds, and where it
   * came from ('kubernetes' | 'ecs' | 'compose' | 'default').
   */
  gracePeriod: { seconds: number; source: 'kubernetes' | 'ecs' | 'compose' | 'default'; where?: Where };
}

export type EntrySource =
  | 'scripts.start'
  | 'main'
  | 'bin'
  | 'exports'
  | 'dockerfile'
  | 'compose'
  | 'kubernetes'
  | 'nest'
  | 'fastify-cli'
  | 'convention'
  | 'config';

export interface EntryPoint {
  /** The source file that runs (a `dist/` path mapped back through tsconfig outDir → rootDir). */
  file: string;
  from: EntrySource;
  /** What named it, e.g. `scripts.start: node dist/index.js`. */
  detail: string;
}

export type Framework = 'express' | 'fastify' | 'fastify-plugin' | 'koa' | 'hapi' | 'nest' | 'http';

export interface AppFact extends Where {
  framework: Framework;
  /** The local name the app is bound to, when it is one. */
  binding?: string;
  /** Where the app (or the server made from it) listens, when found. */
  listens?: Where;
}

export type LoggerLibrary = 'pino' | 'winston' | 'bunyan' | 'custom' | 'scaffold';

export interface WinstonFormatFacts {
  json: boolean;
  /** `format.errors()` is in the chain: an Error as the meta (or message) keeps message and stack. */
  errors: boolean;
  /** A `printf` whose template never reads the meta: every meta key would be invisible. */
  printfIgnoresMeta?: Where;
}

export interface LoggerFact {
  /** How files import it: a package name or an absolute module file. */
  module: string;
  /** `default`, a named export, or `module.exports` itself for CommonJS. */
  exportName: string;
  library: LoggerLibrary;
  /** Why shipshape believes this is the logger (shown by --verbose and `shipshape services`). */
  why: string;
  /** Where the instance is made. */
  defined?: Where;
  /** For a project's own logger: each level method and how many parameters it takes. */
  methods?: Record<string, number>;
  winston?: WinstonFormatFacts;
  /** `defaultMeta.service` (winston) or `name` / `base.name` (pino, bunyan). */
  serviceName?: string;
  /** The logger itself adds the correlation ID (a mixin, a child per request, AsyncLocalStorage). */
  addsCorrelationId?: boolean;
  /** true when shipshape scaffolds it in this run (no logger found). */
  scaffolded?: boolean;
}

export type CorrelationMechanism =
  | 'express-request-id'
  | 'request-id'
  | 'pino-http'
  | 'cls-rtracer'
  | 'nestjs-cls'
  | 'custom'
  | 'shipshape';

export interface CorrelationFact extends Where {
  mechanism: CorrelationMechanism;
  /** The header it reads and sets, lower case, when known. */
  header?: string;
  /** Where a handler finds the ID on the request (`id`, `requestId`, `correlationId`). */
  requestProperty?: string;
}

export interface SignalHandlerFact extends Where {
  signal: string;
  /** Closes an HTTP server (server.close, app.close, fastify.close, server.stop, app.close for Nest). */
  closesServer: boolean;
  /** Calls process.exit (directly or in a promise chain). */
  exits: boolean;
  /** Calls process.exit before the server's close callback can run. */
  exitsBeforeClose: boolean;
  /** Names of the resources it closes (bindings as written). */
  closes: string[];
  /** The function it is registered in, when not at module top level. */
  inFunction?: string;
}

export type ResourceKind =
  | 'pg'
  | 'mysql'
  | 'mongoose'
  | 'mongodb'
  | 'redis'
  | 'ioredis'
  | 'amqplib'
  | 'kafkajs'
  | 'socket.io'
  | 'prisma'
  | 'bull'
  | 'bullmq'
  | 'knex'
  | 'sequelize'
  | 'typeorm'
  | 'nats';

export interface ResourceFact extends Where {
  kind: ResourceKind;
  /** The binding it is stored in, as written (`pool`, `this.io`, `SocketService.instance`). */
  binding?: string;
  /** The call that closes it (`pool.end()`, `io.close()`), when shipshape knows one. */
  close?: string;
}

export interface OutgoingCallFact extends Where {
  client: 'axios' | 'got' | 'undici' | 'fetch' | 'http';
  /** `instance` for an axios.create() instance, `direct` for axios.get(...) and friends. */
  shape: 'instance' | 'direct' | 'wrapper';
  binding?: string;
}

export interface RouteFact extends Where {
  method: string;
  path: string;
}

/** A class of the project's own with level methods (`class LoggerService { info() {} error() {} }`). */
export interface LoggerClassFact extends Where {
  name: string;
  /** Its level methods (`log`, `info`, ...). */
  methods: string[];
}

export interface ServiceFacts {
  apps: AppFact[];
  logger?: LoggerFact;
  /** Logger classes the service defines: made per use or injected, so not an instance files can import (absent: none). */
  loggerClasses?: LoggerClassFact[];
  correlation: CorrelationFact[];
  signals: SignalHandlerFact[];
  resources: ResourceFact[];
  outgoing: OutgoingCallFact[];
  /** Health and readiness routes served by runtime files. */
  routes: RouteFact[];
  /** The program's stdout is a protocol (stdio JSON-RPC, a CLI that pipes JSON): logging must not go there. */
  stdoutIsProtocol?: Where;
}

export interface ServiceModel {
  /** As the config or package.json names it; `(root)` for files outside every service. */
  name: string;
  /** The name made safe for file and branch names. */
  slug: string;
  dir: string;
  /** Folder relative to the fleet root, with `/`; '' for the root. */
  rel: string;
  /** A Node service (a package.json or JS/TS files); false for Go, PHP, nginx… folders. */
  isNode: boolean;
  language: Language;
  moduleSystem: ModuleSystem;
  package?: PackageFacts;
  tsconfig?: TsconfigFacts;
  deploy: DeployFacts;
  /**
   * Folders and files the service's image really contains (from its Dockerfiles' COPY sources within
   * the build context); the service folder when it has no Dockerfile. Every import a transform adds
   * must resolve inside one of these.
   */
  buildContext: string[];
  entries: EntryPoint[];
  /** Workspace packages this service depends on: name → folder. */
  workspaceDeps: Record<string, string>;
  /** Where new modules go (next to the entry's source root, e.g. `<dir>/src`). */
  sourceRoot: string;
  facts: ServiceFacts;
  /** How many of the service's JS/TS files have each role. */
  roleCounts: Partial<Record<FileRole, number>>;
  /** Per-service transform option overrides from the config, and where they were written. */
  transforms?: Record<string, Record<string, unknown>>;
  where?: string;
}

export interface FleetModel {
  /** The folder services are found below (the config's folder, else the cwd). */
  root: string;
  /** Every service, `(root)` last. */
  services: ServiceModel[];
  /** Role of every JS/TS file of the run, by absolute path. */
  roles: Record<string, FileRole>;
  /** Why a file has its role, for --verbose (`in the graph of src/index.ts`, `k6 script`). */
  roleReasons: Record<string, string>;
  /** Milliseconds it took to build, for the bench and --verbose. */
  buildMs: number;
}
