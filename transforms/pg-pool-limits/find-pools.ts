import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';
import { requireSpecifier } from '../../src/ast/require';

const PG = ['pg'];

function isRequirePg(node: any): boolean {
  return PG.includes(requireSpecifier(node) ?? '');
}

function propertyName(node: any): string | null {
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.type === 'MemberExpression' && node.computed && (node.property.type === 'StringLiteral' || node.property.type === 'Literal')) return String(node.property.value);
  return null;
}

/** Local names of pg's module object and of its Pool class (also pg-pool's), including `const { Pool } = pg`. */
function poolNames(j: JSCodeshift, root: Collection<any>): { modules: Set<string>; classes: Set<string> } {
  const bindings = moduleBindings(j, root, PG);
  const modules = new Set(bindings.whole);
  const classes = new Set([...bindings.named].filter(([, imported]) => imported === 'Pool').map(([local]) => local));
  // pg-pool is the pool pg itself uses, with the same options; its export is the class.
  for (const local of moduleBindings(j, root, ['pg-pool']).whole) classes.add(local);
  root.find(j.VariableDeclarator).forEach((p: any) => {
    const { id, init } = p.node;
    if (init?.type === 'Identifier' && modules.has(init.name) && id.type === 'ObjectPattern') {
      for (const prop of id.properties) {
        const key = prop.key?.name ?? prop.key?.value;
        if ((prop.type === 'ObjectProperty' || prop.type === 'Property') && key === 'Pool' && prop.value.type === 'Identifier') classes.add(prop.value.name);
      }
    }
    if (id.type === 'Identifier' && init?.type === 'MemberExpression' && init.object.type === 'Identifier' && modules.has(init.object.name) && propertyName(init) === 'Pool')
      classes.add(id.name);
  });
  return { modules, classes };
}

/** `new Pool(...)`, `new pg.Pool(...)`, `new (require('pg').Pool)(...)` of the file, as NewExpression paths. */
export function findPoolConstructions(j: JSCodeshift, root: Collection<any>): ASTPath<any>[] {
  const { modules, classes } = poolNames(j, root);
  const isPool = (callee: any): boolean => {
    if (callee.type === 'Identifier') return classes.has(callee.name);
    if (propertyName(callee) !== 'Pool') return false;
    const object = callee.object;
    if (object.type === 'Identifier') return modules.has(object.name);
    // `pg.default.Pool` as compiled ESM interop emits it
    if (propertyName(object) === 'default' && object.object.type === 'Identifier') return modules.has(object.object.name);
    return isRequirePg(object);
  };
  const found: ASTPath<any>[] = [];
  root.find(j.NewExpression).forEach((p) => {
    if (isPool(p.node.callee)) found.push(p);
  });
  return found;
}
