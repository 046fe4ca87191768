import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings, type ModuleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import { callsModule, unwrapExpression } from '../../src/ast/servers';

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
  /** The declarator binding it, or null for a module-level singleton (mongoose). */
  binding: ASTPath<any> | null;
}

/** What the file binds: each module's local names, and the variables holding a kafkajs `Kafka`. */
type FileBindings = Record<string, ModuleBindings>;

interface Kind {
  label: string;
  stage: Stage;
  close: (name: string) => string;
  matches(init: any, b: FileBindings, kafka: Set<string>): boolean;
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

const MODULES = ['pg', 'ioredis', 'redis', '@redis/client', '@prisma/client', 'kafkajs', 'socket.io', 'bullmq', 'mongoose'];

const KINDS: Kind[] = [
  { label: 'socket.io server', stage: 'drain', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b['socket.io'], ['socket.io'], ['Server']) || (i?.type === 'CallExpression' && callsModule(i, b['socket.io'], ['socket.io'])) },
  { label: 'BullMQ worker', stage: 'consumer', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.bullmq, ['bullmq'], ['Worker']) },
  { label: 'kafkajs consumer', stage: 'consumer', close: (n) => `${n}.disconnect();`, matches: (i, b, kafka) => kafkaClient(i, b, kafka, 'consumer') },
  { label: 'kafkajs producer', stage: 'producer', close: (n) => `${n}.disconnect();`, matches: (i, b, kafka) => kafkaClient(i, b, kafka, 'producer') },
  { label: 'BullMQ queue', stage: 'producer', close: (n) => `${n}.close();`, matches: (i, b) => constructs(i, b.bullmq, ['bullmq'], ['Queue', 'QueueEvents', 'FlowProducer']) },
  { label: 'Prisma client', stage: 'store', close: (n) => `${n}.$disconnect();`, matches: (i, b) => constructs(i, b['@prisma/client'], ['@prisma/client'], ['PrismaClient']) },
  { label: 'mongoose connection', stage: 'store', close: (n) => `${n}.close();`, matches: (i, b) => callsNamed(i, b.mongoose, 'createConnection') },
  { label: 'pg Pool', stage: 'store', close: (n) => `${n}.end();`, matches: (i, b) => constructs(i, b.pg, ['pg'], ['Pool']) },
  { label: 'pg Client', stage: 'store', close: (n) => `${n}.end();`, matches: (i, b) => constructs(i, b.pg, ['pg'], ['Client']) },
  {
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
  const found: Resource[] = [];
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type !== 'Identifier' || !p.node.init) return;
    const init = withoutListenerChain(p.node.init);
    const kind = KINDS.find((k) => k.matches(init, bindings, kafka));
    if (kind) found.push({ name: p.node.id.name, label: kind.label, close: kind.close(p.node.id.name), stage: kind.stage, line: lineOf(p.node), binding: p });
  });
  const mongoose = [...bindings.mongoose.whole];
  for (const name of mongoose) {
    const connects = root.find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name }, property: { name: 'connect' } } });
    if (connects.size() > 0)
      found.push({ name, label: 'mongoose connection', close: `${name}.connection.close();`, stage: 'store', line: lineOf(connects.get().node), binding: null });
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
