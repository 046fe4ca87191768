import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings, type ModuleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import { callsModule, unwrapExpression } from '../../src/ast/servers';
import type { ResourceFact, ResourceKind } from '../../src/fleet/types';

/**
 * When a resource closes during shutdown: socket.io while the HTTP server drains (its websockets
 * would hold `server.close()` open), then whatever takes work in (workers, consumers), then what
 * sends work out (producers, queues), then the stores everything else writes to.
 */
export type Stage = 'drain' | 'consumer' | 'producer' | 'store';
const STAGES: Stage[] = ['drain', 'consumer', 'producer', 'store'];

export interface Resource {
  /** The expression that holds it: a variable, or `mongoose`. */
  name: string;
  /** What it is, for messages: `pg Pool`. */
  label: string;
  /** The closing statement, without `await` (added for every stage but 'drain'). */
  close: string;
  stage: Stage;
  line: number;
  /** The declarator binding it, or null for a module-level singleton (mongoose) or an import. */
  binding: ASTPath<any> | null;
  /** The fleet model's fact, for a resource another module opens and this file imports. */
  fact?: ResourceFact;
  kind?: ResourceKind;
}

/** How each kind of resource the fleet model finds closes, and when. */
const CLOSE_BY_KIND: Record<ResourceKind, { method: string; stage: Stage }> = {
  'socket.io': { method: 'close', stage: 'drain' },
  bullmq: { method: 'close', stage: 'consumer' },
  bull: { method: 'close', stage: 'producer' },
  kafkajs: { method: 'disconnect', stage: 'consumer' },
  amqplib: { method: 'close', stage: 'consumer' },
  nats: { method: 'drain', stage: 'consumer' },
  pg: { method: 'end', stage: 'store' },
  mysql: { method: 'end', stage: 'store' },
  mongoose: { method: 'close', stage: 'store' },
  mongodb: { method: 'close', stage: 'store' },
  redis: { method: 'quit', stage: 'store' },
  ioredis: { method: 'quit', stage: 'store' },
  prisma: { method: '$disconnect', stage: 'store' },
  knex: { method: 'destroy', stage: 'store' },
  sequelize: { method: 'close', stage: 'store' },
  typeorm: { method: 'destroy', stage: 'store' },
};

export function closeFor(kind: ResourceKind, name: string): { close: string; stage: Stage } {
  const { method, stage } = CLOSE_BY_KIND[kind];
  // mongoose's module object is not the connection: its default connection closes.
  const target = kind === 'mongoose' && !/[Cc]onnection|conn|db/.test(name) ? `${name}.connection` : name;
  return { close: `${target}.${method}();`, stage };
}

/** What the file binds: each module's local names, and the variables holding a kafkajs `Kafka`. */
type FileBindings = Record<string, ModuleBindings>;

interface Kind {
  kind: ResourceKind;
  label: string;
  stage: Stage;
  close: (name: string) => string;
  matches(init: any, b: FileBindings, kafka: Set<string>, amqp: Set<string>): boolean;
}

/** `new X(...)` where X is a named import of `exported` or `m.exported` of a whole-module binding. */
function constructs(init: any, b: ModuleBindings, modules: string[], exported: string[], asDefault = false): boolean {
  if (init?.type !== 'NewExpression') return false;
  const c = init.callee;
  if (c.type === 'Identifier') return (asDefault && b.whole.has(c.name)) || exported.includes(b.named.get(c.name) ?? '');
  if (c.type === 'MemberExpression' && !c.computed && exported.includes(c.property.name)) {
    if (c.object.type === 'Identifier') return b.whole.has(c.object.name);
    return isRequire(c.object, modules);
  }
  return false;
}

function isRequire(node: any, modules: string[]): boolean {
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && modules.includes(node.arguments[0]?.value);
}

/** `f(...)` where f is a named import `exported`, or `m.exported(...)`. */
function callsNamed(init: any, b: ModuleBindings, exported: string): boolean {
  if (init?.type !== 'CallExpression') return false;
  const c = init.callee;
  if (c.type === 'Identifier') return b.named.get(c.name) === exported;
  return c.type === 'MemberExpression' && !c.computed && c.property.name === exported && c.object.type === 'Identifier' && b.whole.has(c.object.name);
}

const MODULES = [
  'pg', 'ioredis', 'redis', '@redis/client', '@prisma/client', 'kafkajs', 'socket.io', 'bullmq', 'mongoose',
  'mongodb', 'amqplib', 'bull', 'knex', 'sequelize', 'typeorm', 'nats', 'mysql2', 'mysql2/promise',
];

/** `f(...)` where f is the module itself (`knex({...})`, `Queue('q')` of bull), also straight off require. */
function callsWhole(init: any, b: ModuleBindings, modules: string[]): boolean {
  if (init?.type !== 'CallExpression' && init?.type !== 'NewExpression') return false;
  const c = init.callee;
  return (c.type === 'Identifier' && b.whole.has(c.name)) || isRequire(c, modules);
}

/** `amqp.connect(...)` or a named `connect(...)` of amqplib. */
function amqpConnect(init: any, b: FileBindings): boolean {
  return callsNamed(init, b.amqplib, 'connect');
}

const KINDS: Kind[] = [
  { kind: 'socket.io', label: 'socket.io server', stage: 'drain', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b['socket.io'], ['socket.io'], ['Server']) || (i?.type === 'CallExpression' && callsModule(i, b['socket.io'], ['socket.io'])) },
  { kind: 'bullmq', label: 'BullMQ worker', stage: 'consumer', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.bullmq, ['bullmq'], ['Worker']) },
  { kind: 'kafkajs', label: 'kafkajs consumer', stage: 'consumer', close: (n) => `${n}.disconnect();`, matches: (i, b, kafka) => kafkaClient(i, b, kafka, 'consumer') },
  { kind: 'kafkajs', label: 'kafkajs producer', stage: 'producer', close: (n) => `${n}.disconnect();`, matches: (i, b, kafka) => kafkaClient(i, b, kafka, 'producer') },
  { kind: 'nats', label: 'NATS connection', stage: 'consumer', close: (n) => `${n}.drain();`, matches: (i, b) => callsNamed(i, b.nats, 'connect') },
  { kind: 'amqplib', label: 'amqplib channel', stage: 'consumer', close: (n) => `${n}.close();`, matches: (i, _b, _k, amqp) => amqpChannel(i, amqp) },
  { kind: 'bull', label: 'bull queue', stage: 'producer', close: (n) => `${n}.close();`, matches: (i, b) => callsWhole(i, b.bull, ['bull']) },
  { kind: 'bullmq', label: 'BullMQ queue', stage: 'producer', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.bullmq, ['bullmq'], ['Queue', 'QueueEvents', 'FlowProducer']) },
  { kind: 'prisma', label: 'Prisma client', stage: 'store', close: (n) => `${n}.$disconnect();`, matches: (i, b) => constructs(i, b['@prisma/client'], ['@prisma/client'], ['PrismaClient']) },
  { kind: 'mongoose', label: 'mongoose connection', stage: 'store', close: (n) => `${n}.close();`, matches: (i, b) => callsNamed(i, b.mongoose, 'createConnection') },
  { kind: 'mongodb', label: 'MongoDB client', stage: 'store', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.mongodb, ['mongodb'], ['MongoClient']) || mongoConnect(i, b.mongodb) },
  { kind: 'amqplib', label: 'amqplib connection', stage: 'store', close: (n) => `${n}.close();`, matches: (i, b) => amqpConnect(i, b) },
  { kind: 'knex', label: 'knex instance', stage: 'store', close: (n) => `${n}.destroy();`, matches: (i, b) => callsWhole(i, b.knex, ['knex']) || callsNamed(i, b.knex, 'knex') },
  { kind: 'sequelize', label: 'Sequelize instance', stage: 'store', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.sequelize, ['sequelize'], ['Sequelize'], true) },
  { kind: 'typeorm', label: 'TypeORM data source', stage: 'store', close: (n) => `${n}.destroy();`, matches: (i, b) => constructs(i, b.typeorm, ['typeorm'], ['DataSource']) },
  {
    kind: 'mysql',
    label: 'mysql2 pool',
    stage: 'store',
    close: (n) => `${n}.end();`,
    matches: (i, b) => callsNamed(i, b.mysql2, 'createPool') || callsNamed(i, b['mysql2/promise'], 'createPool'),
  },
  { kind: 'pg', label: 'pg Pool', stage: 'store', close: (n) => `${n}.end();`, matches: (i, b) => constructs(i, b.pg, ['pg'], ['Pool']) },
  { kind: 'pg', label: 'pg Client', stage: 'store', close: (n) => `${n}.end();`, matches: (i, b) => constructs(i, b.pg, ['pg'], ['Client']) },
  {
    kind: 'redis',
    label: 'Redis client',
    stage: 'store',
    close: (n) => `${n}.quit();`,
    matches: (i, b) =>
      constructs(i, b.ioredis, ['ioredis'], ['Redis', 'Cluster', 'default'], true) ||
      callsNamed(i, b.redis, 'createClient') ||
      callsNamed(i, b['@redis/client'], 'createClient') ||
      callsNamed(i, b.redis, 'createCluster'),
  },
];

/** `kafka.producer()` / `kafka.consumer(...)` on a `new Kafka(...)` of kafkajs. */
function kafkaClient(init: any, b: FileBindings, kafka: Set<string>, method: string): boolean {
  if (init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.property.name !== method) return false;
  const obj = init.callee.object;
  return (obj.type === 'Identifier' && kafka.has(obj.name)) || constructs(obj, b.kafkajs, ['kafkajs'], ['Kafka']);
}

/** `MongoClient.connect(url)`: the static connect resolves to a connected client. */
function mongoConnect(init: any, b: ModuleBindings): boolean {
  const c = init?.type === 'CallExpression' ? init.callee : null;
  return c?.type === 'MemberExpression' && c.property.name === 'connect' && c.object.type === 'Identifier' && b.named.get(c.object.name) === 'MongoClient';
}

/** `conn.createChannel()` on an amqplib connection of the file. */
function amqpChannel(init: any, amqp: Set<string>): boolean {
  const c = init?.type === 'CallExpression' ? init.callee : null;
  return c?.type === 'MemberExpression' && ['createChannel', 'createConfirmChannel'].includes(c.property.name) && c.object.type === 'Identifier' && amqp.has(c.object.name);
}

/** `createClient().on('error', ...)` is the client: `on` returns its emitter. */
function withoutListenerChain(node: any): any {
  let n = unwrapExpression(node);
  while (n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && ['on', 'once'].includes(n.callee.property.name)) n = unwrapExpression(n.callee.object);
  return n;
}

/** The resources the file opens and binds to a variable, and mongoose when it connects the default connection. */
export function findResources(j: JSCodeshift, root: Collection<any>): Resource[] {
  const bindings: FileBindings = {};
  for (const m of MODULES) bindings[m] = moduleBindings(j, root, [m]);
  const kafka = new Set<string>();
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type === 'Identifier' && constructs(unwrapExpression(p.node.init), bindings.kafkajs, ['kafkajs'], ['Kafka'])) kafka.add(p.node.id.name);
  });
  const amqp = new Set<string>();
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type === 'Identifier' && amqpConnect(withoutListenerChain(p.node.init), bindings)) amqp.add(p.node.id.name);
  });
  const found: Resource[] = [];
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type !== 'Identifier' || !p.node.init) return;
    const init = withoutListenerChain(p.node.init);
    const kind = KINDS.find((k) => k.matches(init, bindings, kafka, amqp));
    if (kind) found.push({ name: p.node.id.name, kind: kind.kind, label: kind.label, close: kind.close(p.node.id.name), stage: kind.stage, line: lineOf(p.node), binding: p });
  });
  const mongoose = [...bindings.mongoose.whole];
  for (const name of mongoose) {
    const connects = root.find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name }, property: { name: 'connect' } } });
    if (connects.size() > 0)
      found.push({ name, kind: 'mongoose', label: 'mongoose connection', close: `${name}.connection.close();`, stage: 'store', line: lineOf(connects.get().node), binding: null });
  }
  return found.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.line - b.line);
}

/** The Program or block node a declarator's statement sits in. */
function containerOf(path: ASTPath<any>): any {
  let p: ASTPath<any> | null = path.parent;
  while (p && !['Program', 'BlockStatement', 'StaticBlock'].includes(p.node.type)) p = p.parent;
  return p?.node ?? null;
}

/** Whether the resource's variable can be named at `at` (declared in the same or an enclosing block, not shadowed). */
export function isVisibleAt(resource: Resource, at: ASTPath<any>): boolean {
  if (!resource.binding) return true;
  const container = containerOf(resource.binding);
  let p: ASTPath<any> | null = at;
  let inside = false;
  while (p) {
    if (p.node === container) inside = true;
    p = p.parent;
  }
  if (!inside) return false;
  const declaring = at.scope?.lookup(resource.name);
  return !declaring || declaring === resource.binding.scope;
}
