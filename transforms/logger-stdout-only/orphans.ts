import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isVariableIdentifier, lineOf } from '../../src/ast/scope';
import { mentionsIn, survives } from '../../src/ast/edit-removal';
import type { Edit } from '../../src/engine/edits';

/**
 * Variables of the file (not imports: those are removed) and their uses, to tell after the rewrite
 * which ones only the removed file logging needed: `const logDir = path.join(__dirname, 'logs')` and
 * the `fs.mkdirSync(logDir)` that created the folder. They are reported, not removed: their
 * initialisers and the folder creation may matter to something this transform cannot see.
 */
export type VariableUses = Map<string, { line: number; uses: number }>;

const FOLDER_CALLS = /^(mkdirSync|mkdir|existsSync|mkdirp|mkdirpSync|ensureDirSync|ensureDir|sync|accessSync|statSync)$/;

function isRequireLike(node: any): boolean {
  while (node?.type === 'MemberExpression') node = node.object;
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require';
}

function uses(j: JSCodeshift, root: Collection<any>, name: string): ASTPath<any>[] {
  const found: ASTPath<any>[] = [];
  root.find(j.Identifier, { name }).forEach((p) => {
    const parent = p.parent?.node;
    if (parent?.type === 'VariableDeclarator' && parent.id === p.node) return;
    if (isVariableIdentifier(p)) found.push(p);
  });
  return found;
}

/** Uses of every name in one pass (a logger module can be large; one traversal per variable is not). */
function useCounts(j: JSCodeshift, root: Collection<any>, kept: (p: ASTPath<any>) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  root.find(j.Identifier).forEach((p) => {
    const parent = p.parent?.node;
    if (parent?.type === 'VariableDeclarator' && parent.id === p.node) return;
    if (isVariableIdentifier(p) && kept(p)) counts.set(p.node.name, (counts.get(p.node.name) ?? 0) + 1);
  });
  return counts;
}

export function variableUses(j: JSCodeshift, root: Collection<any>): VariableUses {
  const result: VariableUses = new Map();
  const counts = useCounts(j, root);
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type !== 'Identifier' || isRequireLike(p.node.init)) return;
    const name = p.node.id.name;
    // A name declared twice (in two functions) cannot be told apart by name: leave it out.
    if (result.has(name)) result.set(name, { line: 0, uses: 0 });
    else result.set(name, { line: lineOf(p.node), uses: counts.get(name) ?? 0 });
  });
  return result;
}

/** Whether a use only serves creating or checking the log folder. */
function isFolderUse(path: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    const node = p.node;
    if (node.type === 'CallExpression') {
      const callee = node.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';
      if (FOLDER_CALLS.test(name)) return true;
    }
    if (/Statement|Declaration$/.test(node.type)) return false;
  }
  return false;
}

/**
 * `edits` are the rewrite's, on the tree as parsed: a use is gone when an edit removed or replaced
 * it, and the edits' new text may use the name again.
 */
export function reportOrphans(j: JSCodeshift, root: Collection<any>, before: VariableUses, edits: readonly Edit[], report: (line: number, message: string) => void): void {
  const left = (p: ASTPath<any>) => survives(edits, p.node);
  const counts = useCounts(j, root, left);
  for (const [name, was] of before) {
    if (was.uses === 0 || was.line === 0 || (counts.get(name) ?? 0) >= was.uses) continue;
    const mentioned = mentionsIn(edits, name);
    if ((counts.get(name) ?? 0) + mentioned >= was.uses) continue;
    const now = uses(j, root, name).filter(left);
    // Declarations the rewrite removed itself (a transport kept in a variable) need no report.
    if (root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).filter(left).size() === 0) continue;
    if (mentioned > 0) continue;
    if (now.length === 0) {
      report(was.line, `\`${name}\` was only used by the removed file logging; remove it if nothing else needs it`);
    } else if (now.length < was.uses && now.every(isFolderUse)) {
      report(was.line, `\`${name}\` is now only used to create or check the log folder (line ${lineOf(now[0].node)}); remove that code if nothing else needs the folder`);
    }
  }
}
