import FastPath from 'recast/lib/fast-path';

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
