import type { ASTPath } from 'jscodeshift';

/** Meta keys each logger owns: a value under one of these would overwrite or garble the record. */
const RESERVED_BY_STYLE = {
  winston: new Set(['message', 'level', 'timestamp']),
  pino: new Set(['msg', 'level', 'time', 'pid', 'hostname']),
};

/** How keys are named for one logger: where errors go and which keys it owns. */
export interface Naming {
  errorKey: string;
  reserved: Set<string>;
}

export function namingFor(style: 'winston' | 'pino', errorKey: string): Naming {
  return { errorKey, reserved: RESERVED_BY_STYLE[style] };
}
const ERROR_NAMES = new Set(['err', 'error', 'e']);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Calls whose result is their argument in another form: the argument names the value. */
const CONVERSIONS = new Set(['JSON.stringify', 'String', 'Number', 'Boolean', 'util.inspect', 'inspect', 'stringify']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression', 'AwaitExpression', 'TypeCastExpression']);

function unwrap(node: any): any {
  while (node && WRAPPERS.has(node.type)) node = node.expression ?? node.argument;
  return node;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function camelJoin(a: string, b: string): string {
  return a + b.charAt(0).toUpperCase() + b.slice(1);
}

/** `a-b c` → `aBC`; null when nothing usable is left. */
function toIdentifier(text: string): string | null {
  const words = text.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  if (words.length === 0) return null;
  let out = words[0] + words.slice(1).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (/^\d/.test(out)) out = `_${out}`;
  return IDENTIFIER.test(out) ? out : null;
}

function dotted(node: any): string | null {
  node = unwrap(node);
  if (node?.type === 'Identifier') return node.name;
  if ((node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') {
    const left = dotted(node.object);
    return left === null ? null : `${left}.${node.property.name}`;
  }
  return null;
}

// Error classes by their conventional names: `TypeError`, Nest's `HttpException`, `ApiInternalServerException`.
const ERROR_CLASS = /(?:Error|Exception)$/;

/** Whether a class of the file extends an error class (`class ApiFault extends HttpException {}`), by its binding. */
function extendsErrorClass(name: string, at: ASTPath<any> | null): boolean {
  const scope = at?.scope?.lookup(name);
  const declared = scope?.getBindings()[name]?.[0]?.parent?.node;
  const superClass = /^Class(Declaration|Expression)$/.test(declared?.type ?? '') ? declared.superClass : null;
  return superClass?.type === 'Identifier' && ERROR_CLASS.test(superClass.name);
}

/**
 * Whether a value is an error: a catch parameter, a name like err/error/e, or `new XxxError(...)` /
 * `new XxxException(...)` or a class of the file that extends one. pino prints an Error with its
 * message and stack only under its `err` key (any other key shows `{}`), so this decides the key.
 */
export function isErrorValue(node: any, at: ASTPath<any> | null): boolean {
  node = unwrap(node);
  if (node?.type === 'Identifier') {
    if (ERROR_NAMES.has(node.name)) return true;
    const scope = at?.scope?.lookup(node.name);
    const param = scope?.node?.type === 'CatchClause' ? scope.node.param : null;
    return param?.type === 'Identifier' && param.name === node.name;
  }
  if (node?.type === 'NewExpression' && node.callee.type === 'Identifier') return ERROR_CLASS.test(node.callee.name) || extendsErrorClass(node.callee.name, at);
  return false;
}

/** A readable meta key for a value, or null when only `argN` will do. */
export function keyFor(node: any, naming: Naming): string | null {
  node = unwrap(node);
  switch (node?.type) {
    case 'Identifier':
      return node.name === 'undefined' ? null : node.name;
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      let key: string | null = null;
      if (!node.computed && (node.property.type === 'Identifier' || node.property.type === 'PrivateName'))
        key = node.property.name ?? node.property.id?.name;
      else if (node.computed && (node.property.type === 'StringLiteral' || node.property.type === 'Literal') && typeof node.property.value === 'string')
        key = toIdentifier(node.property.value);
      else if (node.computed) return keyFor(node.object, naming);
      if (key && naming.reserved.has(key)) {
        const base = isErrorValue(node.object, null) ? naming.errorKey : keyFor(node.object, naming);
        return base && base !== 'this' ? camelJoin(base, key) : camelJoin(key, 'value');
      }
      return key;
    }
    case 'CallExpression':
    case 'OptionalCallExpression': {
      const callee = unwrap(node.callee);
      const name = dotted(callee);
      if (name && CONVERSIONS.has(name) && node.arguments.length > 0) return keyFor(node.arguments[0], naming);
      const method = callee.type === 'Identifier' ? callee.name : !callee.computed && callee.property?.type === 'Identifier' ? callee.property.name : null;
      if (!method) return null;
      // `user.toString()`, `ids.join(',')`: the object names the value.
      if (/^to[A-Z]/.test(method) || method === 'join' || method === 'trim') return callee.object ? keyFor(callee.object, naming) : null;
      const stripped = /^(get|fetch|load|find|compute|calculate|read)([A-Z]\w*)$/.exec(method);
      return stripped ? lowerFirst(stripped[2]) : method;
    }
    case 'NewExpression':
      return node.callee.type === 'Identifier' ? lowerFirst(node.callee.name) : null;
    case 'LogicalExpression':
      return keyFor(node.left, naming);
    default:
      return null;
  }
}

/** One `key: value` of a meta object, with the source line its value came from (for the layout). */
export interface MetaEntry {
  text: string;
  line: number;
  /** The key, when the entry has one (not for a spread). */
  key?: string;
}

/**
 * The entries of one meta object, in order: keys stay unique (`id`, `id2`) and reserved logger keys
 * are renamed, so no value is lost or overwrites another.
 */
export class MetaBuilder {
  readonly entries: MetaEntry[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly print: (node: any) => string,
    private readonly reserved: Set<string>,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  private unique(key: string): string {
    const base = this.reserved.has(key) ? camelJoin(key, 'value') : key;
    if (!this.keys.has(base)) return base;
    for (let i = 2; ; i++) if (!this.keys.has(`${base}${i}`)) return `${base}${i}`;
  }

  /** Adds `key: valueText`, written as shorthand when the value is a variable of that name; returns the key used. */
  add(key: string, valueText: string, line = 0): string {
    // The same variable under the same key twice (`id, { id }`) is one entry; calls may differ each time.
    if (/^[\w$]+(\.[\w$]+)*$/.test(valueText)) {
      const same = this.entries.find((e) => e.text === (key === valueText ? key : `${key}: ${valueText}`));
      if (same) return key;
    }
    const k = this.unique(key);
    this.keys.add(k);
    this.entries.push({ text: k === valueText ? k : `${k}: ${valueText}`, line, key: k });
    return k;
  }

  /** Merges the properties of an object literal argument; returns the keys they are under. */
  merge(object: any): string[] {
    const used: string[] = [];
    for (const prop of object.properties) {
      const line = prop.loc?.start.line ?? 0;
      const isProp = (prop.type === 'ObjectProperty' || prop.type === 'Property') && !prop.computed && prop.kind !== 'get' && prop.kind !== 'set';
      const key = isProp ? (prop.key.type === 'Identifier' ? prop.key.name : typeof prop.key.value === 'string' || typeof prop.key.value === 'number' ? String(prop.key.value) : null) : null;
      if (key === null || !IDENTIFIER.test(key)) {
        this.entries.push({ text: this.print(prop), line });
        continue;
      }
      const value = this.print(prop.value);
      if (this.keys.has(key) || this.reserved.has(key)) used.push(this.add(key, value, line));
      else {
        this.keys.add(key);
        this.entries.push({ text: this.print(prop), line, key });
        used.push(key);
      }
    }
    return used;
  }

  /** Spreads an object-valued expression. */
  spread(valueText: string, line = 0): void {
    this.entries.push({ text: `...${valueText}`, line });
  }

  text(): string {
    return this.entries.length === 0 ? '{}' : `{ ${this.entries.map((e) => e.text).join(', ')} }`;
  }
}
