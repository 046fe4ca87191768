import jscodeshift from 'jscodeshift';
import { moduleBindings, type ModuleBindings } from '../ast/apps';
import { bindingOf, dottedName, visitNodes } from './ast-visit';
import { mayCreateResource } from './binding-text';
import type { ParsedFile } from './facts';
import type { OutgoingCallFact, ResourceFact, ResourceKind } from './types';

const j = jscodeshift.withParser('babel');

interface ResourceRule {
  kind: ResourceKind;
  modules: string[];
  /** Exported names that create one (`Pool`); `()` for calling the module itself (`knex(...)`). */
  creators: string[];
  /** How to close it, `$` standing for the binding. */
  close: string;
}

const RULES: ResourceRule[] = [
  { kind: 'pg', modules: ['pg', 'pg-pool'], creators: ['Pool', 'Client', '()'], close: '$.end()' },
  { kind: 'mysql', modules: ['mysql', 'mysql2', 'mysql2/promise'], creators: ['createPool', 'createConnection', 'createPoolCluster'], close: '$.end()' },
  { kind: 'mongoose', modules: ['mongoose'], creators: ['connect', 'createConnection'], close: 'mongoose.disconnect()' },
  { kind: 'mongodb', modules: ['mongodb'], creators: ['MongoClient', 'MongoClient.connect'], close: '$.close()' },
  { kind: 'redis', modules: ['redis'], creators: ['createClient', 'createCluster'], close: '$.quit()' },
  { kind: 'ioredis', modules: ['ioredis'], creators: ['()', 'Redis', 'Cluster', 'default'], close: '$.quit()' },
  { kind: 'amqplib', modules: ['amqplib', 'amqplib/callback_api', 'amqp-connection-manager'], creators: ['connect'], close: '$.close()' },
  { kind: 'kafkajs', modules: ['kafkajs'], creators: ['Kafka'], close: '$.disconnect()' },
  { kind: 'socket.io', modules: ['socket.io'], creators: ['Server', '()', 'default'], close: '$.close()' },
  { kind: 'prisma', modules: ['@prisma/client'], creators: ['PrismaClient'], close: '$.$disconnect()' },
  { kind: 'bull', modules: ['bull'], creators: ['()', 'default'], close: '$.close()' },
  { kind: 'bullmq', modules: ['bullmq'], creators: ['Queue', 'Worker', 'QueueEvents', 'FlowProducer'], close: '$.close()' },
  { kind: 'knex', modules: ['knex'], creators: ['()', 'knex', 'default'], close: '$.destroy()' },
  { kind: 'sequelize', modules: ['sequelize', 'sequelize-typescript'], creators: ['Sequelize'], close: '$.close()' },
  { kind: 'typeorm', modules: ['typeorm'], creators: ['DataSource', 'createConnection'], close: '$.destroy()' },
  { kind: 'nats', modules: ['nats'], creators: ['connect'], close: '$.drain()' },
];

/** Which creator a call/new is, given the module's local bindings: `Pool`, `()`, `MongoClient.connect`. */
function creatorOf(callee: any, b: ModuleBindings): string | null {
  if (callee?.type === 'Identifier') {
    if (b.named.has(callee.name)) return b.named.get(callee.name)!;
    if (b.whole.has(callee.name)) return '()';
    return null;
  }
  const name = dottedName(callee);
  if (!name) return null;
  const [head, ...rest] = name.split('.');
  if (b.whole.has(head)) return rest.join('.');
  if (b.named.has(head)) return [b.named.get(head), ...rest].join('.');
  return null;
}

/** Connections, pools, clients and servers a file opens, with the binding they are kept in and how to close them. */
export function resourcesIn(p: ParsedFile): ResourceFact[] {
  const out: ResourceFact[] = [];
  // Each module's bindings cost a walk of the tree: only modules the text names are looked up.
  const active = RULES.filter((r) => r.modules.some((m) => names(p.source, m)) && mayCreateResource(p.source, r))
    .map((r) => ({ rule: r, bindings: moduleBindings(j, p.root, r.modules) }))
    .filter(
    (x) => x.bindings.whole.size > 0 || x.bindings.named.size > 0,
  );
  if (active.length === 0) return out;
  const kafka = new Set<string>();
  visitNodes(p.ast, (node, ancestors) => {
    if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return;
    for (const { rule, bindings } of active) {
      const creator = creatorOf(node.callee, bindings);
      if (creator === null || !rule.creators.includes(creator)) continue;
      const binding = bindingOf([...ancestors]);
      // A Kafka instance holds no connection (it has no disconnect()); its producers and consumers do.
      if (rule.kind === 'kafkajs') {
        if (binding) kafka.add(binding);
        return;
      }
      const close = binding ? rule.close.replace('$', binding) : rule.kind === 'mongoose' ? rule.close : undefined;
      out.push({ file: p.file, line: node.loc?.start.line ?? 0, kind: rule.kind, ...(binding ? { binding } : {}), ...(close ? { close } : {}) });
      return;
    }
    // kafkajs clients are the producers and consumers made from a Kafka instance.
    const callee = dottedName(node.callee);
    const m = callee && /^(.+)\.(producer|consumer|admin)$/.exec(callee);
    if (m && kafka.has(m[1])) {
      const binding = bindingOf([...ancestors]);
      out.push({ file: p.file, line: node.loc?.start.line ?? 0, kind: 'kafkajs', ...(binding ? { binding, close: `${binding}.disconnect()` } : {}) });
    }
  });
  return out;
}

/** The text names the module as a specifier (`'pg'`, `"pg/lib"`), not as part of a word. */
function names(source: string, module: string): boolean {
  return source.includes(`'${module}'`) || source.includes(`"${module}"`) || source.includes(`'${module}/`) || source.includes(`"${module}/`);
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

/** Outgoing HTTP calls: axios (instances and direct), got, undici, fetch, http.request. */
export function outgoingIn(p: ParsedFile): OutgoingCallFact[] {
  const out: OutgoingCallFact[] = [];
  const none: ModuleBindings = { whole: new Set(), named: new Map() };
  const bound = (modules: string[]) => (modules.some((m) => names(p.source, m)) ? moduleBindings(j, p.root, modules) : none);
  const axios = bound(['axios']);
  const got = bound(['got']);
  const undici = bound(['undici']);
  const http = bound(['http', 'https', 'node:http', 'node:https']);
  if (axios === none && got === none && undici === none && http === none && !/\bfetch\s*\(/.test(p.source)) return out;
  const instances = new Set<string>();
  visitNodes(p.ast, (node, ancestors) => {
    if (node.type !== 'CallExpression') return;
    const where = { file: p.file, line: node.loc?.start.line ?? 0 };
    const axiosCall = creatorOf(node.callee, axios);
    if (axiosCall === 'create') {
      const binding = bindingOf([...ancestors]);
      if (binding) instances.add(binding);
      out.push({ ...where, client: 'axios', shape: 'instance', ...(binding ? { binding } : {}) });
    } else if (axiosCall !== null && (axiosCall === '()' || HTTP_METHODS.has(axiosCall))) out.push({ ...where, client: 'axios', shape: 'direct' });
    else if (creatorOf(node.callee, got) !== null) out.push({ ...where, client: 'got', shape: 'direct' });
    else if (['request', 'fetch', 'stream'].includes(creatorOf(node.callee, undici) ?? '')) out.push({ ...where, client: 'undici', shape: 'direct' });
    else if (['request', 'get'].includes(creatorOf(node.callee, http) ?? '')) out.push({ ...where, client: 'http', shape: 'direct' });
    else if (node.callee.type === 'Identifier' && node.callee.name === 'fetch') out.push({ ...where, client: 'fetch', shape: 'direct' });
  });
  return out;
}
