import path from 'node:path';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { ensureImportEdit } from '../../src/ast/edit-imports';
import { requireSpecifier } from '../../src/ast/require';
import type { ResourceFact, ServiceModel } from '../../src/fleet/types';
import type { AstContext } from '../../src/types';
import { resourceLabel, where } from './process-view';
import { closeFor, type Resource } from './resources';

/** Local names this file binds from the module at `file`: exported name → expression here. */
function bindingsFrom(j: JSCodeshift, root: Collection<any>, fromFile: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const strip = (f: string) => f.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
  const target = strip(file);
  const isTarget = (spec: unknown) =>
    typeof spec === 'string' && spec.startsWith('.') && strip(path.resolve(path.dirname(fromFile), spec)) === target;
  root.find(j.ImportDeclaration).forEach((p: any) => {
    if (p.node.importKind === 'type' || !isTarget(p.node.source.value)) return;
    for (const s of p.node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier') out.set(s.imported.name, s.local.name);
      else if (s.type === 'ImportNamespaceSpecifier') out.set('*', s.local.name);
    }
  });
  for (const stmt of root.get().node.program.body) {
    if (stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations) {
      if (!isTarget(requireSpecifier(d.init))) continue;
      if (d.id.type === 'Identifier') out.set('*', d.id.name);
      else if (d.id.type === 'ObjectPattern')
        for (const prop of d.id.properties) if (prop.key?.type === 'Identifier' && prop.value?.type === 'Identifier') out.set(prop.key.name, prop.value.name);
    }
  }
  return out;
}

/** How this file names a resource another module of the graph opened and exports, or null. */
function nameHere(j: JSCodeshift, root: Collection<any>, ctx: AstContext, fact: ResourceFact): string | null {
  if (!fact.binding || /\bthis\b/.test(fact.binding)) return null;
  const [head, ...rest] = fact.binding.split('.');
  const bound = bindingsFrom(j, root, ctx.path, fact.file);
  if (bound.has(head)) return [bound.get(head), ...rest].join('.');
  if (bound.has('*')) return [bound.get('*'), fact.binding].join('.');
  return null;
}

/**
 * Resources other modules of the process open that this file imports (`import { pool } from './db'`,
 * `const db = require('./db')` → `db.pool`): the handler here can close them. Module-level bindings,
 * so visible everywhere in the file.
 */
export function reachableFacts(j: JSCodeshift, root: Collection<any>, ctx: AstContext, service: ServiceModel | undefined, local: Resource[]): Resource[] {
  if (!service) return [];
  const out: Resource[] = [];
  let mongoose: string | null = null;
  for (const fact of service.facts.resources) {
    if (fact.file === ctx.path) continue;
    if (fact.kind === 'mongoose' && !fact.binding) {
      // mongoose.connect() keeps the connection on the module, which this file can import too.
      if (mongoose || local.some((r) => r.kind === 'mongoose')) continue;
      mongoose = ensureImportEdit(ctx, root, { source: 'mongoose', name: 'mongoose', kind: 'default' }).local;
      out.push({ name: mongoose, kind: 'mongoose', label: `mongoose, ${where(service, fact)}`, close: `${mongoose}.connection.close();`, stage: 'store', line: 0, binding: null, fact });
      continue;
    }
    const name = nameHere(j, root, ctx, fact);
    if (!name) continue;
    const { close, stage } = closeFor(fact.kind, name);
    out.push({ name, label: `${fact.kind}, ${where(service, fact)}`, close, stage, line: 0, binding: null, fact });
  }
  return out;
}

/** socket.io servers the handler cannot name: their upgraded connections are ended through the HTTP server instead. */
export function unreachableSocketIo(service: ServiceModel | undefined, reached: Resource[], ctxPath: string): ResourceFact[] {
  if (!service) return [];
  return service.facts.resources.filter((r) => r.kind === 'socket.io' && r.file !== ctxPath && !reached.some((x) => x.fact === r));
}

/**
 * Resources of the process the new handler cannot close: opened in a module this file does not
 * import them from, or inside a class or function. Each is named with its file and line.
 */
export function reportUnreachable(ctx: AstContext, service: ServiceModel, line: number, reached: Resource[], local: Resource[], covered: ResourceFact[]): void {
  const localNames = new Set(local.map((r) => r.name));
  for (const fact of service.facts.resources) {
    if (reached.some((x) => x.fact === fact) || covered.includes(fact)) continue;
    // One close of mongoose's module-level connection covers every mongoose.connect() of the process.
    if (fact.kind === 'mongoose' && !fact.binding && [...reached, ...local].some((r) => r.kind === 'mongoose')) continue;
    // This file's own resources are found by its parse (a kafkajs Kafka is closed through its producers and consumers).
    if (fact.file === ctx.path && ((fact.binding && localNames.has(fact.binding)) || local.some((r) => r.line === fact.line || r.kind === fact.kind))) continue;
    ctx.manual(
      line,
      `${resourceLabel(service, fact)} is not closed by the shutdown handler, which cannot reach it from here: export it from its module and close it in the handler (${fact.close ?? 'its close/quit/disconnect method'})`,
    );
  }
}
