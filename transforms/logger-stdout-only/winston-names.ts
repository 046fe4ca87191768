import type { Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';

/** How winston and its file transports are bound in a file. */
export interface WinstonNames {
  /** `winston` of `import winston from 'winston'` / `require('winston')`. */
  winston: Set<string>;
  /** Locals bound to `winston.transports`. */
  transports: Set<string>;
  /** Locals bound to a file transport class: `File` of `const { File } = transports`, `DailyRotateFile`. */
  fileClasses: Set<string>;
  /** Locals bound to `winston.transports.Console`. */
  consoleClasses: Set<string>;
  /** Locals bound to a class exported by one of the transport modules (winston-daily-rotate-file). */
  moduleClasses: Set<string>;
}

function memberName(node: any): string | null {
  if (node?.type !== 'MemberExpression') return null;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && (node.property.type === 'StringLiteral' || node.property.type === 'Literal')) return String(node.property.value);
  return null;
}

export function isTransportsRef(node: any, names: WinstonNames): boolean {
  if (node?.type === 'Identifier') return names.transports.has(node.name);
  if (memberName(node) !== 'transports') return false;
  const object = node.object;
  if (object.type === 'Identifier') return names.winston.has(object.name);
  // `winston.default.transports` of compiled ESM interop
  return memberName(object) === 'default' && object.object.type === 'Identifier' && names.winston.has(object.object.name);
}

/** Paths that are the process's own output: a File transport writing there already logs to stdout. */
const STD_FILES = new Set(['/dev/stdout', '/dev/stderr', '/proc/self/fd/1', '/proc/self/fd/2', '/dev/fd/1', '/dev/fd/2']);

function writesToStdStream(node: any): boolean {
  const options = node.arguments[0];
  if (options?.type !== 'ObjectExpression') return false;
  const filename = options.properties.find((p: any) => !p.computed && (p.key?.name ?? p.key?.value) === 'filename');
  const value = filename?.value;
  return (value?.type === 'StringLiteral' || value?.type === 'Literal') && STD_FILES.has(value.value);
}

/** The `File` of `new transports.File(...)` when `names` says it is a file transport class, else null. */
export function fileTransportClass(node: any, names: WinstonNames, fileClassNames: string[]): string | null {
  if (node?.type !== 'NewExpression' || writesToStdStream(node)) return null;
  const callee = node.callee;
  if (callee.type === 'Identifier') return names.fileClasses.has(callee.name) || names.moduleClasses.has(callee.name) ? callee.name : null;
  const member = memberName(callee);
  return member !== null && fileClassNames.includes(member) && isTransportsRef(callee.object, names) ? member : null;
}

export function winstonNames(j: JSCodeshift, root: Collection<any>, fileClassNames: string[], transportModules: string[]): WinstonNames {
  const bindings = moduleBindings(j, root, ['winston']);
  const names: WinstonNames = {
    winston: new Set(bindings.whole),
    transports: new Set(),
    fileClasses: new Set(),
    consoleClasses: new Set(),
    moduleClasses: new Set(moduleBindings(j, root, transportModules).whole),
  };
  for (const [local, imported] of bindings.named) if (imported === 'transports') names.transports.add(local);
  // `const { transports } = winston`, `const { File } = transports`, `const T = winston.transports`:
  // twice, so a chain declared in any order is followed.
  for (let pass = 0; pass < 2; pass++) {
    root.find(j.VariableDeclarator).forEach((p: any) => {
      const { id, init } = p.node;
      if (!init) return;
      if (id.type === 'Identifier' && isTransportsRef(init, names)) names.transports.add(id.name);
      if (id.type === 'Identifier' && memberName(init) !== null && isTransportsRef(init.object, names)) {
        const cls = memberName(init)!;
        if (fileClassNames.includes(cls)) names.fileClasses.add(id.name);
        if (cls === 'Console') names.consoleClasses.add(id.name);
      }
      if (id.type !== 'ObjectPattern') return;
      const fromWinston = init.type === 'Identifier' && names.winston.has(init.name);
      const fromTransports = isTransportsRef(init, names);
      for (const prop of id.properties) {
        if ((prop.type !== 'ObjectProperty' && prop.type !== 'Property') || prop.value.type !== 'Identifier') continue;
        const key = prop.key?.name ?? prop.key?.value;
        if (fromWinston && key === 'transports') names.transports.add(prop.value.name);
        if (fromTransports && fileClassNames.includes(key)) names.fileClasses.add(prop.value.name);
        if (fromTransports && key === 'Console') names.consoleClasses.add(prop.value.name);
      }
    });
  }
  return names;
}

export function usesWinston(names: WinstonNames): boolean {
  return names.winston.size + names.transports.size + names.fileClasses.size + names.moduleClasses.size > 0;
}
