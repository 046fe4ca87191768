import type { Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';

/**
 * morgan's access log written to a file (`morgan('combined', { stream: fs.createWriteStream(...) })`,
 * also rotating-file-stream's `createStream`) has the same fate as a winston file log. Its stream may
 * also feed other consumers, so it is reported rather than rewritten.
 */
export function reportMorganFileStreams(j: JSCodeshift, root: Collection<any>, manual: (line: number, message: string) => void): void {
  const morgan = moduleBindings(j, root, ['morgan']).whole;
  if (morgan.size === 0) return;
  root.find(j.CallExpression).forEach((p: any) => {
    const { callee, arguments: args } = p.node;
    if (callee.type !== 'Identifier' || !morgan.has(callee.name)) return;
    const options = args.find((a: any) => a.type === 'ObjectExpression');
    let stream = options?.properties.find((prop: any) => !prop.computed && (prop.key?.name ?? prop.key?.value) === 'stream')?.value;
    if (stream?.type === 'Identifier') {
      // `const accessLogStream = fs.createWriteStream(...)` declared once in the file
      const decls = root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: stream.name } });
      stream = decls.size() === 1 ? decls.get().node.init : null;
    }
    const factory = stream?.type === 'CallExpression' ? stream.callee : null;
    const name = factory?.type === 'Identifier' ? factory.name : factory?.type === 'MemberExpression' && !factory.computed ? factory.property.name : '';
    if (/^(createWriteStream|createStream)$/.test(name)) {
      manual(lineOf(stream), `morgan writes the access log to a file (${name}); remove the stream option so it goes to stdout, or log through the service logger`);
    }
  });
}
