/**
 * How one service writes its modules: TypeScript or JavaScript, ESM or CommonJS. Templates ask the
 * dialect for imports, exports and type annotations, so every template yields all three flavours.
 */
export interface Dialect {
  kind: 'ts-esm' | 'js-cjs' | 'js-esm';
  ts: boolean;
  esm: boolean;
  /** Extension of source files: .ts, .js or .mjs. */
  ext: string;
}

export function dialectOf(kind: Dialect['kind'], mjs = false): Dialect {
  if (kind === 'ts-esm') return { kind, ts: true, esm: true, ext: '.ts' };
  if (kind === 'js-esm') return { kind, ts: false, esm: true, ext: mjs ? '.mjs' : '.js' };
  return { kind, ts: false, esm: false, ext: '.js' };
}

/** `: T` in TypeScript, nothing in JavaScript. */
export function t(d: Dialect, annotation: string): string {
  return d.ts ? annotation : '';
}

/** A module specifier for a sibling module: Node's ESM needs the extension, TS and CJS do not. */
export function rel(d: Dialect, spec: string): string {
  return d.esm && !d.ts ? spec + d.ext : spec;
}

/** Imports named bindings and/or a default from a module, in the dialect's module system. */
export function imp(d: Dialect, from: string, named: string[] = [], def?: string): string {
  if (d.esm) {
    const parts = [def, named.length ? `{ ${named.join(', ')} }` : undefined].filter(Boolean);
    return `import ${parts.join(', ')} from '${from}';`;
  }
  if (def && named.length) return `const ${def} = require('${from}');\nconst { ${named.join(', ')} } = ${def};`;
  if (def) return `const ${def} = require('${from}');`;
  return `const { ${named.join(', ')} } = require('${from}');`;
}

/** Type-only imports exist only in TypeScript. */
export function impType(d: Dialect, from: string, named: string[]): string {
  return d.ts ? `import type { ${named.join(', ')} } from '${from}';` : '';
}

/** Collects a module's exports: `export` keywords in ESM, one `module.exports` at the end in CJS. */
export class Exports {
  private names: string[] = [];
  private defaultName: string | null = null;

  constructor(private d: Dialect) {}

  /** The keyword to put before a declaration of `name`. */
  kw(name: string): string {
    if (this.d.esm) return 'export ';
    this.names.push(name);
    return '';
  }

  setDefault(name: string): void {
    this.defaultName = name;
  }

  /** The closing lines (CJS `module.exports`, ESM `export default`). */
  footer(): string {
    if (this.d.esm) return this.defaultName ? `\nexport default ${this.defaultName};\n` : '';
    if (this.defaultName && this.names.length === 0) return `\nmodule.exports = ${this.defaultName};\n`;
    const names = this.defaultName && !this.names.includes(this.defaultName) ? [...this.names, this.defaultName] : this.names;
    return names.length ? `\nmodule.exports = { ${names.join(', ')} };\n` : '';
  }
}
