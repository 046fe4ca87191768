import { NodePath } from 'ast-types';

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
