import type { API, FileInfo, Options } from 'jscodeshift';

/**
 * The jscodeshift contender: console-to-logger as a jscodeshift user writes it, with jscodeshift's
 * own API end to end (parse with `api.jscodeshift(source)`, find, replace, `toSource()`), and none of
 * shipshape's engine. It does the core of the job: `console.<level>(...)` becomes `logger.<level>(...)`
 * and the logger is imported once (ESM import or require, after the file's last one). Like any
 * transform written with speed in mind, it returns before parsing a file that never says `console.`.
 */
const LEVELS: Record<string, string> = { log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error' };

export default function transformer(file: FileInfo, api: API, options: Options): string | undefined {
  if (!file.source.includes('console.')) return undefined;
  const j = api.jscodeshift;
  const root = j(file.source);
  const from = typeof options.import === 'string' ? options.import : './logger';
  let changed = 0;
  root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name: 'console' } } })
    .forEach((path) => {
      const callee = path.node.callee as any;
      const level = callee.property.type === 'Identifier' ? LEVELS[callee.property.name] : undefined;
      if (!level) return;
      path.get('callee').replace(j.memberExpression(j.identifier('logger'), j.identifier(level)));
      changed++;
    });
  if (changed === 0) return undefined;

  const body = root.get().node.program.body;
  const imports = root.find(j.ImportDeclaration);
  const requires = root.find(j.VariableDeclaration).filter((p) => p.parent.node.type === 'Program' && j(p).find(j.CallExpression, { callee: { name: 'require' } }).size() > 0);
  const alreadyImported = root.find(j.Identifier, { name: 'logger' }).filter((p) => p.parent.node.type === 'ImportSpecifier' || p.parent.node.type === 'VariableDeclarator').size() > 0;
  if (!alreadyImported) {
    if (imports.size() > 0 || requires.size() === 0) {
      const decl = j.importDeclaration([j.importSpecifier(j.identifier('logger'))], j.stringLiteral(from));
      if (imports.size() > 0) imports.at(imports.size() - 1).insertAfter(decl);
      else body.unshift(decl);
    } else {
      const decl = j.variableDeclaration('const', [j.variableDeclarator(j.objectPattern([j.objectProperty.from({ key: j.identifier('logger'), value: j.identifier('logger'), shorthand: true })]), j.callExpression(j.identifier('require'), [j.stringLiteral(from)]))]);
      requires.at(requires.size() - 1).insertAfter(decl);
    }
  }
  return root.toSource({ quote: 'single' });
}
