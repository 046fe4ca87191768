import type { Collection, JSCodeshift } from 'jscodeshift';
import FastPath from 'recast/lib/fast-path';
import { Lines } from 'recast/lib/lines';
import { NodePath } from 'ast-types';

/**
 * recast 0.23 puts parentheses around `await x` inside `&&`, `||`, `===` and other binary
 * operators (`a && (await b)`) whenever it reprints anything around them, a change nobody asked
 * for. `await` binds tighter than every binary operator; only the left operand of `**` needs them.
 */
const proto = (FastPath as any).prototype;
if (!proto.__shipshapeAwaitFix) {
  const needsParens = proto.needsParens;
  proto.needsParens = function (this: any, assumeExpressionContext?: boolean) {
    const node = this.getValue();
    const parent = this.getParentNode();
    if (
      node?.type === 'AwaitExpression' &&
      (parent?.type === 'LogicalExpression' || parent?.type === 'BinaryExpression') &&
      !(parent.operator === '**' && parent.left === node)
    )
      return false;
    return needsParens.call(this, assumeExpressionContext);
  };
  proto.__shipshapeAwaitFix = true;
}

/**
 * recast reprints a moved or re-nested node from its original text, shifting every line after the
 * first by the change of indentation (`indentTail`), and clamps lines indented less than the node's
 * first line at column 0. Inside a multi-line template literal those lines are the string's value, so
 * the shift changed what the program prints. Lines that start inside a template's text are locked
 * (recast's own flag for lines it must not re-indent, as it sets for templates it prints itself).
 * recast unlocks a line it slices; the last line of a node's text always is, so slices keep the lock
 * of a last line they take from its start (below).
 */
export function lockTemplateLines(j: JSCodeshift, root: Collection<any>): void {
  const lines = root.get().node.loc?.lines;
  const infos: { locked: boolean }[] | undefined = lines?.infos;
  if (!infos) return;
  root.find(j.TemplateLiteral).forEach((p: any) => {
    for (const quasi of p.node.quasis) {
      const loc = quasi.loc;
      if (!loc || loc.lines !== lines || loc.start.line === loc.end.line) continue;
      for (let line = loc.start.line + 1; line <= loc.end.line; line++) if (infos[line - 1]) infos[line - 1].locked = true;
    }
  });
}

const linesProto = (Lines as any).prototype;
if (!linesProto.__shipshapeLockFix) {
  const slice = linesProto.slice;
  linesProto.slice = function (this: any, start?: any, end?: any) {
    const sliced = slice.call(this, start, end);
    if (sliced !== this && start && end && start.line < end.line && this.infos[end.line - 1]?.locked) {
      const last = sliced.infos[sliced.infos.length - 1];
      if (!last.locked) last.locked = true;
    }
    return sliced;
  };
  linesProto.__shipshapeLockFix = true;
}

/**
 * ast-types 0.16 scans a catch clause's scope by asserting its parameter is a pattern, so any scope
 * lookup in a file with `catch { }` (ES2019, no binding) throws "null does not match type Pattern".
 * Such a clause binds nothing.
 */
const scopeProto = Object.getPrototypeOf((new NodePath({ type: 'Program', body: [] }) as any).scope);
if (!scopeProto.__shipshapeCatchFix) {
  const scan = scopeProto.scan;
  scopeProto.scan = function (this: any, force?: boolean) {
    if (this.node?.type === 'CatchClause' && this.node.param == null) {
      this.didScan = true;
      return;
    }
    return scan.call(this, force);
  };
  scopeProto.__shipshapeCatchFix = true;
}
