import fs from 'node:fs';
import path from 'node:path';
import type { ASTPath, Collection } from 'jscodeshift';
import { requireSpecifier } from '../../src/ast/require';
import { lineOf } from '../../src/ast/scope';
import type { ServiceModel } from '../../src/fleet/types';
import type { AstContext } from '../../src/types';
import { insertHandler } from './install';
import { reachableFacts, reportUnreachable } from './reach';
import { findResources, isVisibleAt, type Resource } from './resources';
import type { Timing } from './timing';

const BODY_TYPES = ['Program', 'BlockStatement', 'StaticBlock'];
const EXTENSIONS = ['', '.ts', '.js', '.mjs', '.cjs', '.tsx', '/index.ts', '/index.js'];

/**
 * Whether a module the entry imports starts a server (read as text, one level deep): then the
 * process is not a worker, whatever the model's facts say, and its server's handler closes things.
 */
function importsAServer(j: AstContext['j'], root: Collection<any>, file: string): boolean {
  const specs: string[] = [];
  root.find(j.ImportDeclaration).forEach((p: any) => void specs.push(p.node.source.value));
  root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((p: any) => {
    const spec = requireSpecifier(p.node);
    if (spec) specs.push(spec);
  });
  for (const spec of specs.filter((s) => s.startsWith('.'))) {
    const base = path.resolve(path.dirname(file), spec);
    const found = EXTENSIONS.map((e) => base + e).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (found && /\.(listen|start)\s*\(/.test(fs.readFileSync(found, 'utf8'))) return true;
  }
  return false;
}

/** The statement list a declarator sits in, and its statement's index there. */
function slotOf(binding: ASTPath<any>): { body: any[]; index: number; path: ASTPath<any> } | null {
  let p: ASTPath<any> | null = binding;
  while (p?.parent && !BODY_TYPES.includes(p.parent.node.type)) p = p.parent;
  if (!p?.parent) return null;
  const body = p.parent.node.body;
  return { body, index: body.indexOf(p.node), path: binding };
}

/**
 * A process without an HTTP server (a queue worker, a consumer) whose entry opens clients: one
 * handler after the last of them, closing every one it can see, in stage order. A process with
 * nothing to close gets nothing; what it cannot see is reported by name and line.
 */
export function installWorker(root: Collection<any>, ctx: AstContext, service: ServiceModel, signals: string[], timing: Timing): void {
  const { j } = ctx;
  if (importsAServer(j, root, ctx.path)) return;
  const local = findResources(j, root);
  const reached = reachableFacts(j, root, ctx, service, local);
  if (local.length + reached.length === 0) {
    if (service.facts.resources.length > 0) reportUnreachable(ctx, service, 0, [], [], []);
    return;
  }
  const program = root.get().node.program.body;
  const slots = local.map((r) => (r.binding ? slotOf(r.binding) : null)).filter((s) => s !== null);
  // The last declaration decides the scope; a module-level one keeps the handler at module level.
  const last = slots.sort((a, b) => lineOf(a.body[a.index]) - lineOf(b.body[b.index])).pop();
  const body = last?.body ?? program;
  const after = last ? last.body[last.index] : null;
  const visible: Resource[] = [...local, ...reached].filter((r) => !last || isVisibleAt(r, last.path));
  insertHandler(root, ctx, { group: [], body, after, resources: visible, signals, timing });
  ctx.changed();
  for (const r of local.filter((r) => !visible.includes(r)))
    ctx.manual(r.line, `${r.name} (${r.label}) is not visible where the shutdown handler was added: close it there yourself`);
  reportUnreachable(ctx, service, after ? lineOf(after) : 0, visible, local, []);
}
