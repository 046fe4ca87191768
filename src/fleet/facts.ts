import * as babel from '@babel/parser';
import jscodeshift from 'jscodeshift';
import path from 'node:path';
import { findCreations, readOnlyTree } from '../ast/apps';
// The facts' tree searches use the shared fast `find`, whichever module loads the fleet first.
import '../ast/fast-find';
import { findListenSites, serverFactories } from '../ast/servers';
import { isInside } from '../ast/paths';
import { babelOptions } from '../engine/parser';
import { parseToShare } from '../engine/shared-trees';
import { mayCreateApp } from './binding-text';
import { correlationIn } from './correlation-facts';
import { loggerClassesIn, loggerIn } from './logger-facts';
import { outgoingIn, resourcesIn } from './resource-facts';
import { signalsIn } from './signal-facts';
import type { AppFact, CorrelationFact, Framework, OutgoingCallFact, ResourceFact, RouteFact, ServiceFacts, ServiceModel, SignalHandlerFact } from './types';
import type { FileFactsCache } from './facts-cache';
import { lineAt } from '../ast/lines';

const j = jscodeshift.withParser('babel');

/** Text that makes a file worth parsing for facts (`listen`: an app imported from elsewhere starts here); the rest of the graph is never parsed. */
const WORTH_PARSING =
  /\b(express|fastify|koa|hapi|NestFactory|createServer|listen|process\.(on|once)|winston|pino|bunyan|createLogger|request-?id|rtracer|nestjs-cls|x-(request|correlation)-id|pg|mysql|mongoose|MongoClient|redis|amqplib|kafkajs|socket\.io|PrismaClient|bull|knex|sequelize|typeorm|nats|axios|got|undici|fetch|http\.request|health|ready|StdioServerTransport|stdio|logger|exports\.(info|error|warn))\b/i;

export interface ParsedFile {
  file: string;
  source: string;
  /** The tree, parsed on first use: most files' text already rules out every fact that needs one. */
  readonly ast: any;
  /** jscodeshift view of the same tree, for the shared helpers in src/ast. */
  readonly root: any;
}

/** A tree that stands for a file babel cannot parse even with error recovery: no node, so no fact from it. */
const EMPTY_FILE = { type: 'File', program: { type: 'Program', body: [], directives: [], sourceType: 'module' } };

/**
 * A runtime file as the facts read it. The fact finders test the text first (a module named, a
 * `.listen(` call) and touch the tree only when that test passes, so the parse happens for those
 * files alone (on the bench's sparse tree about one graph file in ten).
 */
export function parseForFacts(file: string, source: string): ParsedFile {
  let ast: any;
  let root: any;
  return {
    file,
    source,
    get ast() {
      // As the transforms parse it when they will want it too (src/engine/shared-trees.ts).
      ast ??= parseToShare(file, source);
      if (ast === undefined) {
        try {
          ast = babel.parse(source, { ...babelOptions(file), tokens: false, attachComment: false, errorRecovery: true });
        } catch {
          ast = EMPTY_FILE;
        }
      }
      return ast;
    },
    get root() {
      root ??= readOnlyTree(j(this.ast));
      return root;
    },
  };
}

/** An app is made (`express()`, `new Koa()`, `fastify(`…) or something listens: the tree walks of src/ast are worth it. */
const MAY_CREATE_APP = /\b(express|fastify|Fastify|koa|Koa|createServer|Server)\s*\(|NestFactory\.create|\.(server|Server)\s*\(|module\.exports\s*=|export\s+default/;
/** Only a binding of one of these modules makes a call an app or server creation (serverFactories). */
const APP_MODULES = /['"](?:express|koa|fastify|https?|node:https?|@nestjs\/core)['"]/;
const MAY_LISTEN = /\.(listen|start)\s*\(/;
const MAY_HAVE_SIGNAL = /process\.(on|once|addListener|prependListener)\s*\(\s*['"]SIG/;

const FRAMEWORK_OF: Record<string, Framework> = { app: 'express', server: 'http', fastify: 'fastify', nest: 'nest' };

/**
 * A server made from an app (`http.createServer(app)`, `new http.Server(app.callback())`): the
 * app's own server, not a second app. `serves` is the app's local name.
 */
export interface AppServer {
  fact: AppFact;
  serves: string;
}

/** The local name of the app a server is made from: `app` in `createServer(app)` or `createServer(app.callback())`. */
function servedApp(call: any): string | undefined {
  let arg = call.arguments?.find((a: any) => a.type !== 'ObjectExpression');
  if (arg?.type === 'CallExpression' && arg.callee.type === 'MemberExpression' && !arg.callee.computed && arg.callee.property.name === 'callback') arg = arg.callee.object;
  return arg?.type === 'Identifier' ? arg.name : undefined;
}

/** HTTP apps created in the file and where they (or a server made from them) listen. */
function appsIn(p: ParsedFile): { apps: AppFact[]; servers: AppServer[] } {
  const apps: AppFact[] = [];
  const servers: AppServer[] = [];
  const creates = MAY_CREATE_APP.test(p.source) && APP_MODULES.test(p.source) && mayCreateApp(p.source);
  const factories = creates ? serverFactories(j, p.root) : null;
  for (const c of factories ? findCreations(j, p.root, (call) => factories.kindOfCall(call) !== null) : []) {
    const kind = factories!.kindOfCall(c.call)!;
    const callee = c.call.callee;
    let framework = FRAMEWORK_OF[kind];
    if (kind === 'app' && /koa/i.test(p.source) && (c.call.type === 'NewExpression' || /Koa/.test(callee?.name ?? ''))) framework = 'koa';
    const fact: AppFact = { file: p.file, line: c.call.loc?.start.line ?? 0, framework, binding: c.name };
    const serves = kind === 'server' ? servedApp(c.call) : undefined;
    if (serves) servers.push({ fact, serves });
    else apps.push(fact);
  }
  // hapi: `Hapi.server({...})` / `new Hapi.Server()`
  for (const m of p.source.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:new\s+)?(?:Hapi|hapi)\.(?:server|Server)\s*\(/g))
    apps.push({ file: p.file, line: lineAt(p.source, m.index!), framework: 'hapi', binding: m[1] });
  // fastify-cli: the app is a plugin, `module.exports = async function (fastify, opts)`.
  const plugin = /(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\s*\w*\s*)?\(\s*(fastify|app|server|instance)\s*,\s*(opts|options)/.exec(p.source);
  if (plugin && /fastify/.test(p.source)) apps.push({ file: p.file, line: lineAt(p.source, plugin.index), framework: 'fastify-plugin', binding: plugin[1] });
  const sites = MAY_LISTEN.test(p.source) ? findListenSites(j, p.root) : [];
  for (const site of sites) {
    const object = site.object;
    const name = object?.type === 'Identifier' ? object.name : object?.type === 'MemberExpression' && object.object?.type === 'ThisExpression' ? `this.${object.property?.name}` : undefined;
    const where = { file: p.file, line: site.path.node.loc?.start.line ?? 0 };
    const server = servers.find((s) => s.fact.binding === name);
    if (server) {
      server.fact.listens ??= where;
      continue;
    }
    const app = apps.find((a) => a.binding === name) ?? apps.find((a) => !a.listens);
    if (app) app.listens ??= where;
    else if (site.resolved || name) {
      const framework: Framework = site.kind === 'fastify' ? 'fastify' : site.kind === 'nest' ? 'nest' : 'http';
      const fact: AppFact = { file: p.file, line: where.line, framework, ...(name ? { binding: name } : {}), listens: where };
      // `app.listen()` on an app imported from another file: that app listening, not an app of its own.
      if (framework === 'http' && name && !name.startsWith('this.')) servers.push({ fact, serves: name });
      else apps.push(fact);
    }
  }
  return { apps, servers };
}

/**
 * Each server made from an app, and each listen on an imported app, joins that app: the app listens
 * where its server does. The app is the one of that name in the server's file, else the only one of
 * that name, else the service's only app (imported: `createServer(app)` with `app` from './app'); a
 * server whose app is nowhere in the graph stays an app of its own.
 */
function joinServers(apps: AppFact[], servers: AppServer[]): AppFact[] {
  for (const { fact, serves } of servers) {
    const frameworks = apps.filter((a) => a.framework !== 'http');
    const named = frameworks.filter((a) => a.binding === serves);
    const app = named.find((a) => a.file === fact.file) ?? (named.length === 1 ? named[0] : undefined) ?? (frameworks.length === 1 ? frameworks[0] : undefined);
    if (!app) apps.push(fact);
    else if (fact.listens && (!app.listens || app.listens.file !== fact.listens.file || app.listens.line !== fact.listens.line)) app.listens = fact.listens;
  }
  return apps;
}

const HEALTH_ROUTE = /\.(get|head|all|route)\s*\(\s*(['"`])(\/[^'"`]*\b(?:health|healthz|ready|readyz|readiness|live|livez|liveness|ping)\b[^'"`]*)\2/gi;
const ROUTE_OBJECT = /method\s*:\s*['"](\w+)['"]\s*,\s*(?:url|path)\s*:\s*['"](\/[^'"]*\b(?:health|healthz|ready|readyz|live|livez)\b[^'"]*)['"]/gi;

function routesIn(file: string, source: string): RouteFact[] {
  const out: RouteFact[] = [];
  for (const m of source.matchAll(HEALTH_ROUTE)) out.push({ file, line: lineAt(source, m.index!), method: m[1].toUpperCase(), path: m[3] });
  for (const m of source.matchAll(ROUTE_OBJECT)) out.push({ file, line: lineAt(source, m.index!), method: m[1].toUpperCase(), path: m[2] });
  return out;
}

const STDIO_PROTOCOL = /StdioServerTransport|@modelcontextprotocol\/sdk\/server\/stdio|vscode-jsonrpc\/node|createConnection\s*\(\s*ProposedFeatures|StreamMessageReader\s*\(\s*process\.stdin|process\.stdout\.write\s*\(\s*JSON\.stringify/;

/** What one file's tree says, whichever service loads it (the logger is judged per service). */
export interface FileFacts {
  apps: AppFact[];
  servers: AppServer[];
  signals: SignalHandlerFact[];
  resources: ResourceFact[];
  outgoing: OutgoingCallFact[];
  correlation: CorrelationFact[];
}

/** Each fact walks the tree: a file is asked only for the facts its text can hold. */
function fileFactsOf(p: ParsedFile): FileFacts {
  const { apps, servers } = MAY_CREATE_APP.test(p.source) || MAY_LISTEN.test(p.source) ? appsIn(p) : { apps: [], servers: [] };
  return { apps, servers, signals: MAY_HAVE_SIGNAL.test(p.source) ? signalsIn(p) : [], resources: resourcesIn(p), outgoing: outgoingIn(p), correlation: correlationIn(p) };
}

/** The facts transforms decide from, found in the service's runtime files. */
export function factsOf(
  service: ServiceModel,
  runtime: string[],
  read: (abs: string) => string | undefined,
  parse = parseForFacts,
  cache?: FileFactsCache,
): ServiceFacts {
  const facts: ServiceFacts = { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] };
  const parsed: ParsedFile[] = [];
  for (const file of runtime.sort()) {
    const source = read(file);
    if (source === undefined || !WORTH_PARSING.test(source)) continue;
    facts.routes.push(...routesIn(file, source));
    const stdio = STDIO_PROTOCOL.exec(source);
    if (stdio && !facts.stdoutIsProtocol) facts.stdoutIsProtocol = { file, line: lineAt(source, stdio.index) };
    parsed.push(parse(file, source));
  }
  const servers: AppServer[] = [];
  for (const p of parsed) {
    const found = cache ? cache.facts(p.file, p.source, () => fileFactsOf(p)) : fileFactsOf(p);
    facts.apps.push(...found.apps);
    servers.push(...found.servers);
    facts.signals.push(...found.signals);
    facts.resources.push(...found.resources);
    facts.outgoing.push(...found.outgoing);
    facts.correlation.push(...found.correlation);
  }
  joinServers(facts.apps, servers);
  const logger = loggerIn(loggerCandidates(parsed, service), service);
  if (logger) facts.logger = logger;
  const classes = loggerClassesIn(parsed);
  if (classes.length) facts.loggerClasses = classes;
  return facts;
}

/**
 * The files a transform may import the logger from: those the service's image holds (orders loads
 * common's logger through the built `@…/common` package, which its image gets from npm, never from
 * ../common), the service's own before a shared package's.
 */
function loggerCandidates(parsed: ParsedFile[], service: ServiceModel): ParsedFile[] {
  const context = service.buildContext.length > 0 ? service.buildContext : [service.dir];
  const shipped = parsed.filter((p) => context.some((c) => isInside(p.file, c)));
  const own = (p: ParsedFile) => (isInside(p.file, service.dir) ? 0 : 1);
  return shipped.sort((a, b) => own(a) - own(b));
}

export const relTo = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');
