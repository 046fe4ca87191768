import type { ASTPath, Collection } from 'jscodeshift';
import { ensureImportEdit } from '../../src/ast/edit-imports';
import { expressionFromCode } from '../../src/ast/build';
import { removeListItems, removeStatement } from '../../src/ast/edit-removal';
import { isVariableIdentifier, lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import { pruneArray, reportRemovedComments, type RemovedElement } from './array-text';
import { fileTransportClass, isTransportsRef, type WinstonNames } from './winston-names';

/** Options objects whose value is a transport or a list of them. */
const TRANSPORT_KEYS = new Set(['transports', 'exceptionHandlers', 'rejectionHandlers']);
/** `logger.add(t)`, `logger.exceptions.handle(t)`, `logger.rejections.handle(t)`, `list.push(t)`. */
const ADDING_METHODS = new Set(['add', 'handle', 'push', 'unshift']);

export interface WinstonResult {
  /** Removed transports that were not winston's own File (DailyRotateFile): their plugin import may go. */
  removedPluginTransport: boolean;
  /** Transports left in place (a manual item was reported for each). */
  leftInPlace: number;
}

function keyName(prop: any): string | null {
  if (prop?.type !== 'ObjectProperty' && prop?.type !== 'Property') return null;
  return prop.key.type === 'Identifier' ? prop.key.name : typeof prop.key.value === 'string' ? prop.key.value : null;
}

function calledMethod(call: any): string | null {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
}

/** Conditions that can be dropped together with the statement they guard: no calls, no assignments. */
function isPureCondition(node: any): boolean {
  switch (node.type) {
    case 'Identifier':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
      return true;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isPureCondition(node.object) && (!node.computed || isPureCondition(node.property));
    case 'UnaryExpression':
      return node.operator !== 'delete' && isPureCondition(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isPureCondition(node.left) && isPureCondition(node.right);
    case 'ArrayExpression':
      return node.elements.every((e: any) => e && isPureCondition(e));
    default:
      return false;
  }
}

/** Walks from an element through `cond && x` / `cond ? x : y` to the array holding it, or null. */
function holdingArray(path: ASTPath<any>): ASTPath<any> | null {
  let p = path;
  for (;;) {
    const parent = p.parent?.node;
    if (parent?.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === p.node) p = p.parent;
    else if (parent?.type === 'ConditionalExpression' && parent.test !== p.node) p = p.parent;
    else break;
  }
  return p.parent?.node.type === 'ArrayExpression' ? p.parent : null;
}

/** The outermost array of `[a, ...(prod ? [file] : [])]` for the branch array `[file]`. */
function outermostArray(arr: ASTPath<any>): ASTPath<any> {
  let current = arr;
  for (;;) {
    const branchOf = current.parent;
    const branch = branchOf?.node;
    const isBranch =
      (branch?.type === 'ConditionalExpression' && branch.test !== current.node) ||
      (branch?.type === 'LogicalExpression' && branch.operator === '&&' && branch.right === current.node);
    if (!isBranch || branchOf.parent?.node.type !== 'SpreadElement' || branchOf.parent.parent?.node.type !== 'ArrayExpression') return current;
    current = branchOf.parent.parent;
  }
}

function depth(path: ASTPath<any>): number {
  let n = 0;
  for (let p: ASTPath<any> | null = path; p; p = p.parent) n++;
  return n;
}

export class WinstonRewrite {
  private readonly fileVars = new Set<string>();
  private readonly warnedLists = new Set<string>();
  private consoleText: string | null = null;
  private readonly result: WinstonResult = { removedPluginTransport: false, leftInPlace: 0 };

  constructor(
    private readonly root: Collection<any>,
    private readonly ctx: AstContext,
    private readonly names: WinstonNames,
    private readonly classNames: string[],
  ) {}

  private fileClass(node: any): string | null {
    if (node?.type === 'Identifier' && this.fileVars.has(node.name)) return node.name;
    return fileTransportClass(node, this.names, this.classNames);
  }

  private isFile = (node: any): boolean => this.fileClass(node) !== null;

  private notePlugin(node: any): void {
    const cls = fileTransportClass(node, this.names, this.classNames);
    if (cls !== null && cls !== 'File' && !this.names.fileClasses.has(cls)) this.result.removedPluginTransport = true;
  }

  /** `new <winston>.transports.Console()` the way this file reaches transports; imports `transports` when nothing does. */
  private console(): string {
    if (this.consoleText !== null) return this.consoleText;
    const { j } = this.ctx;
    const [consoleClass] = this.names.consoleClasses;
    const [transports] = this.names.transports;
    const [winston] = this.names.winston;
    let access: string;
    if (consoleClass) access = consoleClass;
    else if (transports) access = `${transports}.Console`;
    else if (winston) access = `${winston}.transports.Console`;
    else {
      const { local } = ensureImportEdit(this.ctx, this.root, { source: 'winston', name: 'transports', kind: 'named' });
      access = `${local}.Console`;
    }
    this.consoleText = `new ${access}()`;
    return this.consoleText;
  }

  private reportComments(removed: RemovedElement[]): void {
    reportRemovedComments((line, message) => this.ctx.manual(line, message), removed, 'a winston file transport');
  }

  private leave(node: any, why: string): void {
    this.result.leftInPlace++;
    const label = node.type === 'ArrayExpression' ? 'transport list' : this.ctx.edit!.textOf(node.type === 'NewExpression' ? node.callee : node).split('\n')[0];
    this.ctx.manual(lineOf(node), `${label}: winston file transport ${why}; remove it so the service logs to stdout only`);
  }

  /** `const fileTransport = new File(...)` is removed with its uses when every use is a transports list or `logger.add(...)`. */
  private findFileVariables(): ASTPath<any>[] {
    const { j } = this.ctx;
    const removable: ASTPath<any>[] = [];
    this.root.find(j.VariableDeclarator).forEach((decl: any) => {
      if (decl.node.id.type !== 'Identifier' || !this.fileClass(decl.node.init)) return;
      const name = decl.node.id.name;
      const uses: ASTPath<any>[] = [];
      this.root.find(j.Identifier, { name }).forEach((p) => {
        if (p.node !== decl.node.id && isVariableIdentifier(p)) uses.push(p);
      });
      if (decl.parent?.parent?.node.type === 'ExportNamedDeclaration') {
        this.leave(decl.node.init, `is exported as \`${name}\` and may be used by other modules`);
        return;
      }
      const odd = uses.find((u) => !holdingArray(u) && !this.isAddedStatement(u));
      if (odd) {
        this.leave(decl.node.init, `is kept in \`${name}\`, which line ${lineOf(odd.node)} uses for something else than a transports list`);
        return;
      }
      this.fileVars.add(name);
      removable.push(decl);
    });
    return removable;
  }

  private isAddedStatement(path: ASTPath<any>): boolean {
    const call = path.parent?.node;
    return (
      call?.type === 'CallExpression' &&
      call.arguments.includes(path.node) &&
      ADDING_METHODS.has(calledMethod(call) ?? '') &&
      path.parent.parent?.node.type === 'ExpressionStatement'
    );
  }

  /**
   * The statement that has nothing left to do once `p` is gone: an `if` with a pure condition and no
   * else, or a `list.forEach(x => { ... })` over a pure list whose callback held only `p`.
   */
  private emptiedBy(p: ASTPath<any>): ASTPath<any> | null {
    const parent = p.parent;
    const node = parent?.node;
    if (node?.type === 'IfStatement') {
      return node.consequent === p.node && !node.alternate && isPureCondition(node.test) ? parent : null;
    }
    if (node?.type !== 'BlockStatement' || node.body.some((s: any) => s !== p.node && !this.removed.has(s))) return null;
    const owner = parent.parent;
    if (owner?.node.type === 'IfStatement') return this.emptiedBy(parent);
    const isCallback = owner && /^(ArrowFunctionExpression|FunctionExpression)$/.test(owner.node.type);
    const call = isCallback ? owner.parent?.node : null;
    if (
      call?.type === 'CallExpression' &&
      call.arguments.length === 1 &&
      calledMethod(call) === 'forEach' &&
      isPureCondition(call.callee.object) &&
      owner.parent.parent?.node.type === 'ExpressionStatement'
    )
      return owner.parent.parent;
    return null;
  }

  /** Statements removed so far (their edits are made at the end, when it is known which hold which). */
  private readonly removed = new Set<any>();

  /** Removes a statement and what only served it; their comments are reported, not lost. */
  private removeStatement(path: ASTPath<any>): void {
    const comments: string[] = [];
    const source = this.ctx.source;
    const collect = (node: any) =>
      comments.push(...[...(node.leadingComments ?? []), ...(node.trailingComments ?? [])].filter((c: any) => !this.claimed.has(c)).map((c: any) => (this.claimed.add(c), source.slice(c.start, c.end))));
    collect(path.node);
    let p: ASTPath<any> = path;
    this.removed.add(p.node);
    for (let up = this.emptiedBy(p); up; up = this.emptiedBy(p)) {
      p = up;
      this.removed.add(p.node);
      collect(p.node);
    }
    if (comments.length > 0) this.reportComments([{ line: lineOf(p.node), comments }]);
  }

  /** Comments reported with a removed statement (babel gives a comment between two statements to both). */
  private readonly claimed = new Set<any>();

  /** The removals as edits: a statement inside another removed one goes with it. */
  private removeStatements(): void {
    const edit = this.ctx.edit!;
    const all = [...this.removed];
    for (const node of all) {
      if (all.some((o) => o !== node && o.start <= node.start && node.end <= o.end)) continue;
      removeStatement(edit, node, true);
    }
  }

  /** A transport removed outside a list: its exception handling goes with it, which the report says. */
  private noteHandlers(node: any): void {
    const text = this.ctx.edit!.textOf(node);
    if (/\bhandle(?:Exceptions|Rejections)\s*:\s*true\b/.test(text)) {
      reportRemovedComments((line, message) => this.ctx.manual(line, message), [{ line: lineOf(node), comments: [], handlesExceptions: true }], 'a winston file transport');
    }
  }

  /**
   * `const transports = []` filled by `transports.push(new File(...))`: with the pushes gone the
   * list may be empty where it counts (production), and winston then drops every line.
   */
  private warnEmptyList(call: any): void {
    const list = call.callee.type === 'MemberExpression' ? call.callee.object : null;
    if (list?.type !== 'Identifier' || this.warnedLists.has(list.name) || !/^(push|unshift)$/.test(calledMethod(call) ?? '')) return;
    const { j } = this.ctx;
    const decl = this.root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: list.name } });
    if (decl.size() !== 1 || decl.get().node.init?.type !== 'ArrayExpression' || decl.get().node.init.elements.length > 0) return;
    this.warnedLists.add(list.name);
    this.ctx.manual(
      lineOf(decl.get().node),
      `\`${list.name}\` starts empty and received file transports (line ${lineOf(call)}), now removed; make sure a Console transport is added in every environment, or the logger drops every line`,
    );
  }

  private rewriteAdd(path: ASTPath<any>): void {
    const call = path.parent.node;
    this.warnEmptyList(call);
    for (const arg of call.arguments) if (this.isFile(arg)) this.noteHandlers(arg);
    if (call.arguments.every(this.isFile)) this.removeStatement(path.parent.parent);
    else removeListItems(this.ctx.edit!, call.arguments, call.arguments.flatMap((a: any, i: number) => (this.isFile(a) ? [i] : [])));
    this.ctx.changed();
  }

  private isConsole(node: any): boolean {
    const callee = node?.type === 'NewExpression' ? node.callee : null;
    if (!callee) return false;
    if (callee.type === 'Identifier') return this.names.consoleClasses.has(callee.name);
    return callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'Console' && isTransportsRef(callee.object, this.names);
  }

  /**
   * winston's README pattern: file transports in createLogger and `logger.add(new Console())` outside
   * production. With a Console put in place of the files, that logger would print every line twice.
   */
  private warnDoubleConsole(arr: ASTPath<any>): void {
    const { j } = this.ctx;
    let p: ASTPath<any> | null = arr;
    while (p && p.node.type !== 'VariableDeclarator' && p.node.type !== 'AssignmentExpression' && !/Statement$/.test(p.node.type)) p = p.parent;
    const target = p?.node.type === 'VariableDeclarator' ? p.node.id : p?.node.type === 'AssignmentExpression' ? p.node.left : null;
    if (target?.type !== 'Identifier') return;
    this.root
      .find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name: target.name }, property: { name: 'add' } } })
      .forEach((call: any) => {
        if (!this.isConsole(call.node.arguments[0])) return;
        this.ctx.manual(
          lineOf(call.node),
          `${target.name} now has a Console transport in its options (line ${lineOf(arr.node)}) and gets another one here: it would log every line twice; remove one of them`,
        );
      });
  }

  /** `winston.transports.File` as a value (not constructed): winston 2's `winston.add(File, options)`. */
  private isFileClass(node: any): boolean {
    return this.isFile({ type: 'NewExpression', callee: node, arguments: [] });
  }

  /**
   * winston 2 adds by class: `winston.add(winston.transports.File, { filename })`. The statement goes;
   * when the file also removes the Console (`winston.remove(winston.transports.Console)`), nothing
   * would be logged any more, which the report says.
   */
  private removeClassAdds(): void {
    const { j } = this.ctx;
    const removedConsole: any[] = [];
    let addsConsole = false;
    let removed = 0;
    this.root.find(j.CallExpression).forEach((p: any) => {
      const call = p.node;
      const method = calledMethod(call);
      if (method === 'remove' && call.arguments.length === 1) {
        const arg = call.arguments[0];
        if (this.isConsole({ type: 'NewExpression', callee: arg, arguments: [] })) removedConsole.push(call);
      }
      const first = call.arguments[0];
      if (method === 'add' && (this.isConsole(first) || this.isConsole({ type: 'NewExpression', callee: first, arguments: [] }))) addsConsole = true;
      if (method !== 'add' || !this.isFileClass(call.arguments[0]) || p.parent?.node.type !== 'ExpressionStatement') return;
      this.notePlugin({ type: 'NewExpression', callee: call.arguments[0], arguments: [] });
      this.removeStatement(p.parent);
      removed++;
      this.ctx.changed();
    });
    if (removed === 0 || addsConsole) return;
    for (const call of removedConsole) {
      this.ctx.manual(lineOf(call), 'the Console transport is removed here and the file transports are gone: nothing would be logged; keep the Console transport');
    }
  }

  run(): WinstonResult {
    const { j } = this.ctx;
    const variables = this.findFileVariables();
    const arrays = new Map<any, ASTPath<any>>();
    const adds: ASTPath<any>[] = [];
    const singles: ASTPath<any>[] = [];
    const candidates: ASTPath<any>[] = [];
    this.root.find(j.NewExpression).forEach((p) => {
      if (this.isFile(p.node)) candidates.push(p);
    });
    this.root.find(j.Identifier).forEach((p) => {
      if (this.fileVars.has(p.node.name) && isVariableIdentifier(p) && p.parent?.node.type !== 'VariableDeclarator') candidates.push(p);
    });
    for (const p of candidates) {
      const parent = p.parent?.node;
      if (parent?.type === 'VariableDeclarator' && parent.init === p.node) continue;
      const arr = holdingArray(p);
      if (arr) {
        const outer = outermostArray(arr);
        arrays.set(outer.node, outer);
      } else if (this.isAddedStatement(p)) adds.push(p);
      else if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === p.node && TRANSPORT_KEYS.has(keyName(parent) ?? '')) singles.push(p);
      else this.leave(p.node, 'is used where shipshape cannot remove it');
    }
    for (const p of [...candidates]) this.notePlugin(p.node);
    this.removeClassAdds();

    const edit = this.ctx.edit!;
    const comments = this.root.get().node.comments ?? [];
    for (const arr of [...arrays.values()].sort((a, b) => depth(b) - depth(a))) {
      let filled = false;
      const pruned = pruneArray(edit.source, comments, arr.node, { isRemoved: this.isFile, filler: () => ((filled = true), this.console()) });
      // A shape the list rewrite does not know (`a ? (b ? file : x) : y`) keeps its transport: say so.
      const left = j(pruned.text === null ? arr.node : expressionFromCode(j, pruned.text)).find(j.NewExpression).filter((p) => this.isFile(p.node)).size();
      if (left > 0) this.leave(arr.node, `is in a list at line ${lineOf(arr.node)} in a form shipshape cannot take apart (${left} left)`);
      if (pruned.text === null) continue;
      if (filled) this.warnDoubleConsole(arr);
      edit.replace(arr.node, pruned.text);
      this.reportComments(pruned.removed);
      this.ctx.changed(pruned.removed.length);
    }
    for (const p of singles) {
      edit.replace(p.node, this.console());
      this.ctx.changed();
    }
    const calls = new Set<any>();
    for (const p of adds) {
      if (calls.has(p.parent.node)) continue;
      calls.add(p.parent.node);
      this.rewriteAdd(p);
    }
    const declarators = new Map<any, ASTPath<any>[]>();
    for (const decl of variables) {
      this.noteHandlers(decl.node.init);
      const stmt = decl.parent;
      if (!declarators.has(stmt)) declarators.set(stmt, []);
      declarators.get(stmt)!.push(decl);
      this.ctx.changed();
    }
    for (const [stmt, decls] of declarators) {
      const all = stmt.node.declarations;
      if (decls.length === all.length) this.removeStatement(stmt);
      else removeListItems(edit, all, decls.map((d) => all.indexOf(d.node)));
    }
    this.removeStatements();
    return this.result;
  }
}
