import * as babel from '@babel/parser';
import jscodeshift from 'jscodeshift';
import path from 'node:path';
import { findCreations } from '../ast/apps';
import { findListenSites, serverFactories } from '../ast/servers';
import { babelOptions } from '../engine/parser';
import { correlationIn } from './correlation-facts';
import { loggerIn } from './logger-facts';
import { outgoingIn, resourcesIn } from './resource-facts';
import { signalsIn } from './signal-facts';
import type { AppFact, Framework, RouteFact, ServiceFacts, ServiceModel } from './types';

const j = jscodeshift.withParser('babel');

/** Text that makes a file worth parsing for facts; the rest of the graph is never parsed. */
const WORTH_PARSING =
  /\b(express|fastify|koa|hapi|NestFactory|createServer|process\.(on|once)|winston|pino|bunyan|createLogger|request-?id|rtracer|nestjs-cls|x-(request|correlation)-id|pg|mysql|mongoose|MongoClient|redis|amqplib|kafkajs|socket\.io|PrismaClient|bull|knex|sequelize|typeorm|nats|axios|got|undici|fetch|http\.request|health|ready|StdioServerTransport|stdio|logger|exports\.(info|error|warn))\b/i;

export interface ParsedFile {
  file: string;
  source: string;
  ast: any;
  /** jscodeshift view of the same tree, for the shared helpers in src/ast. */
  root: any;
}

export function parseForFacts(file: string, source: string): ParsedFile | null {
  try {
    const ast = babel.parse(source, { ...babelOptions(file), tokens: false, attachComment: false, errorRecovery: true });
    return { file, source, ast, root: j(ast as any) };
  } catch {
    return null;
  }
}

const FRAMEWORK_OF: Record<string, Framework> = { app: 'express', server: 'http', fastify: 'fastify', nest: 'nest' };

/** HTTP apps created in the file and where they (or a server made from them) listen. */
function appsIn(p: ParsedFile): AppFact[] {
  const factories = serverFactories(j, p.root);
  const apps: AppFact[] = [];
  for (const c of findCreations(j, p.root, (call) => factories.kindOfCall(call) !== null)) {
    const kind = factories.kindOfCall(c.call)!;
    const callee = c.call.callee;
    let framework = FRAMEWORK_OF[kind];
    if (kind === 'app' && /koa/i.test(p.source) && (c.call.type === 'NewExpression' || /Koa/.test(callee?.name ?? ''))) framework = 'koa';
    apps.push({ file: p.file, line: c.call.loc?.start.line ?? 0, framework, binding: c.name });
  }
  // hapi: `Hapi.server({...})` / `new Hapi.Server()`
  for (const m of p.source.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:new\s+)?(?:Hapi|hapi)\.(?:server|Server)\s*\(/g))
    apps.push({ file: p.file, line: lineAt(p.source, m.index!), framework: 'hapi', binding: m[1] });
  // fastify-cli: the app is a plugin, `module.exports = async function (fastify, opts)`.
  const plugin = /(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\s*\w*\s*)?\(\s*(fastify|app|server|instance)\s*,\s*(opts|options)/.exec(p.source);
  if (plugin && /fastify/.test(p.source)) apps.push({ file: p.file, line: lineAt(p.source, plugin.index), framework: 'fastify-plugin', binding: plugin[1] });
  const sites = findListenSites(j, p.root);
  for (const site of sites) {
    const object = site.object;
    const name = object?.type === 'Identifier' ? object.name : object?.type === 'MemberExpression' && object.object?.type === 'ThisExpression' ? `this.${object.property?.name}` : undefined;
    const where = { file: p.file, line: site.path.node.loc?.start.line ?? 0 };
    const app = apps.find((a) => a.binding === name) ?? apps.find((a) => !a.listens);
    if (app) app.listens ??= where;
    else if (site.resolved || name) apps.push({ file: p.file, line: where.line, framework: site.kind === 'fastify' ? 'fastify' : site.kind === 'nest' ? 'nest' : 'http', ...(name ? { binding: name } : {}), listens: where });
  }
  return apps;
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
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

/** The facts transforms decide from, found in the service's runtime files. */
export function factsOf(service: ServiceModel, runtime: string[], read: (abs: string) => string | undefined): ServiceFacts {
  const facts: ServiceFacts = { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] };
  const parsed: ParsedFile[] = [];
  for (const file of runtime.sort()) {
    const source = read(file);
    if (source === undefined || !WORTH_PARSING.test(source)) continue;
    facts.routes.push(...routesIn(file, source));
    const stdio = STDIO_PROTOCOL.exec(source);
    if (stdio && !facts.stdoutIsProtocol) facts.stdoutIsProtocol = { file, line: lineAt(source, stdio.index) };
    const p = parseForFacts(file, source);
    if (p) parsed.push(p);
  }
  for (const p of parsed) {
    facts.apps.push(...appsIn(p));
    facts.signals.push(...signalsIn(p));
    facts.resources.push(...resourcesIn(p));
    facts.outgoing.push(...outgoingIn(p));
    facts.correlation.push(...correlationIn(p));
  }
  const logger = loggerIn(parsed, service);
  if (logger) facts.logger = logger;
  return facts;
}

export const relTo = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');
