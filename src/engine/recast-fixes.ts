import FastPath from 'recast/lib/fast-path';
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
