import type { JSCodeshift, Collection } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';
import type { ResourceFact } from '../../src/fleet/types';

/**
 * The resource checks of a /ready route: pg `SELECT 1`, redis `PING`, mongoose `readyState`, each
 * written against the binding the fleet model found. A check is only written where its binding is
 * in scope: a top-level name of the file the route goes into. The rest are named in a manual item.
 */
export const CHECKABLE = ['pg', 'redis', 'ioredis', 'mongoose'] as const;

export interface Checks {
  /** Object literal text (`{ pg: () => pool.query('SELECT 1') }`), or '' when there are none. */
  text: string;
  /** Resources the model found that this file cannot reach: `pg pool (src/db.ts:3)`. */
  unreachable: string[];
}

function topLevelNames(j: JSCodeshift, root: Collection<any>): Set<string> {
  const names = new Set<string>();
  const program = root.get().node.program ?? root.get().node;
  for (const stmt of program.body as any[]) {
    const decl = /^Export(Named|Default)Declaration$/.test(stmt.type) ? stmt.declaration : stmt;
    if (!decl) continue;
    if (decl.type === 'VariableDeclaration') for (const d of decl.declarations) if (d.id.type === 'Identifier') names.add(d.id.name);
    if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) names.add(decl.id.name);
    if (decl.type === 'ImportDeclaration') for (const s of decl.specifiers ?? []) names.add(s.local.name);
  }
  return names;
}

function checkCode(kind: string, binding: string): string {
  if (kind === 'pg') return `() => ${binding}.query('SELECT 1')`;
  if (kind === 'redis' || kind === 'ioredis') return `() => ${binding}.ping()`;
  // mongoose: 1 is "connected"; the module's default connection or a connection of its own.
  const conn = binding === 'mongoose' ? `${binding}.connection` : binding;
  return `() => {\n  if (${conn}.readyState !== 1) throw new Error('mongoose readyState ' + ${conn}.readyState);\n}`;
}

export function checksFor(j: JSCodeshift, root: Collection<any>, file: string, resources: ResourceFact[], kinds: string[]): Checks {
  const names = topLevelNames(j, root);
  const mongoose = moduleBindings(j, root, ['mongoose']);
  const entries: { key: string; code: string }[] = [];
  const unreachable: string[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (!kinds.includes(r.kind) || !(CHECKABLE as readonly string[]).includes(r.kind)) continue;
    let binding = r.binding && /^[A-Za-z_$][\w$]*$/.test(r.binding) && r.file === file && names.has(r.binding) ? r.binding : undefined;
    // The mongoose module is one per process: any file that imports it can ask its default connection.
    if (!binding && r.kind === 'mongoose') binding = [...mongoose.whole][0];
    if (!binding) {
      unreachable.push(`${r.kind}${r.binding ? ` ${r.binding}` : ''} (${r.file}:${r.line})`);
      continue;
    }
    if (seen.has(`${r.kind}:${binding}`)) continue;
    seen.add(`${r.kind}:${binding}`);
    entries.push({ key: r.kind, code: checkCode(r.kind, binding) });
  }
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  const props = entries.map((e, i) => {
    const key = counts.get(e.key)! > 1 ? `'${e.key}-${entries.slice(0, i + 1).filter((x) => x.key === e.key).length}'` : e.key;
    return `${key}: ${e.code}`;
  });
  return { text: props.length ? `{ ${props.join(', ')} }` : '', unreachable };
}
