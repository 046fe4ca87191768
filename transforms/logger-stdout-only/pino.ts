import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleBindings } from '../../src/ast/apps';
import { lineOf } from '../../src/ast/scope';
import type { AstContext } from '../../src/types';
import type { SourceEdits } from '../../src/engine/edits';
import { pruneArray, reportRemovedComments } from './array-text';

/**
 * pino writes to a file through `pino.destination(file)` (also `{ dest: file }`) and through the
 * `pino/file` transport target; both take `1` for stdout, so the file argument becomes `1` and every
 * other option (sync, minLength, mkdir) stays. Where a multistream or a targets list already writes
 * to stdout beside the file, the file entry is removed instead, or every line would be logged twice.
 */

/** Destinations written as strings that still mean a standard stream ('1' is how pino's own tests write fd 1). */
const STD_STREAMS = new Set(['1', '2', '/dev/stdout', '/dev/stderr', '/dev/fd/1', '/dev/fd/2', 'process.stdout']);

function propOf(object: any, key: string): any {
  if (object?.type !== 'ObjectExpression') return null;
  return (
    object.properties.find(
      (p: any) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && (p.key.name ?? p.key.value) === key,
    ) ?? null
  );
}

function isProcessStream(node: any): boolean {
  // process.stdout, process.stderr, process.stdout.fd
  if (node?.type === 'MemberExpression' && !node.computed && node.property.name === 'fd') node = node.object;
  return (
    node?.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'process' &&
    (node.property.name === 'stdout' || node.property.name === 'stderr')
  );
}

/** A destination that is not a file: missing (stdout), a file descriptor, a process stream, /dev/stdout. */
function isStreamDestination(node: any): boolean {
  if (!node) return true;
  if (node.type === 'NumericLiteral' || (node.type === 'Literal' && typeof node.value === 'number')) return true;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && STD_STREAMS.has(node.value)) return true;
  if (node.type === 'Identifier' && node.name === 'undefined') return true;
  return isProcessStream(node);
}

/** Puts fd 1 where the file was; `{ destination }` shorthand becomes `{ destination: 1 }`. */
function toStdout(edit: SourceEdits, holder: any, key: string): void {
  if (holder.shorthand) edit.replace(holder, `${edit.textOf(holder.key)}: 1`);
  else edit.replace(holder[key], '1');
}

export class PinoRewrite {
  private readonly factories = new Set<string>();
  private readonly destinations = new Set<string>();

  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection<any>,
    private readonly ctx: AstContext,
  ) {
    const bindings = moduleBindings(j, root, ['pino']);
    for (const name of bindings.whole) this.factories.add(name);
    for (const [local, imported] of bindings.named) {
      if (imported === 'pino' || imported === 'default') this.factories.add(local);
      if (imported === 'destination') this.destinations.add(local);
    }
  }

  /** `pino.destination(...)` / `destination(...)` (named import). */
  private isDestinationCall(node: any): boolean {
    if (node?.type !== 'CallExpression') return false;
    const callee = node.callee;
    if (callee.type === 'Identifier') return this.destinations.has(callee.name);
    return (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.property.name === 'destination' &&
      callee.object.type === 'Identifier' &&
      this.factories.has(callee.object.name)
    );
  }

  /** The node holding the file of a destination call (its argument or its `dest`), or null when it is no file. */
  private fileOfDestination(call: any): { holder: any; key: string } | null {
    const arg = call.arguments[0];
    if (arg?.type === 'ObjectExpression') {
      const dest = propOf(arg, 'dest');
      return dest && !isStreamDestination(dest.value) ? { holder: dest, key: 'value' } : null;
    }
    return arg && arg.type !== 'SpreadElement' && !isStreamDestination(arg) ? { holder: call.arguments, key: '0' } : null;
  }

  private isFileDestinationCall = (node: any): boolean => this.isDestinationCall(node) && this.fileOfDestination(node) !== null;

  /** `{ target: 'pino/file', options: { destination: file } }`: the destination property, when it names a file. */
  private fileTarget(node: any): any {
    const target = propOf(node, 'target');
    if (!target || (target.value.type !== 'StringLiteral' && target.value.type !== 'Literal') || target.value.value !== 'pino/file') return null;
    const destination = propOf(propOf(node, 'options')?.value, 'destination');
    return destination && !isStreamDestination(destination.value) ? destination : null;
  }

  private isFileTarget = (node: any): boolean => this.fileTarget(node) !== null;

  private isFileStream = (node: any): boolean => {
    const stream = propOf(node, 'stream');
    return stream !== null && this.isFileDestinationCall(stream.value);
  };

  /** A targets list entry that prints to stdout: pino/file or pino-pretty without a file. */
  private isStdoutTarget(node: any): boolean {
    const target = propOf(node, 'target')?.value;
    if (!target || (target.type !== 'StringLiteral' && target.type !== 'Literal')) return false;
    if (target.value !== 'pino/file' && target.value !== 'pino-pretty') return false;
    const destination = propOf(propOf(node, 'options')?.value, 'destination')?.value;
    return !destination || (isStreamDestination(destination) && !(destination.value === 2 || /stderr|fd\/2/.test(this.ctx.edit!.textOf(destination))));
  }

  private isStdoutStream(node: any): boolean {
    const stream = propOf(node, 'stream')?.value;
    if (!stream) return false;
    if (isProcessStream(stream)) return true;
    return this.isDestinationCall(stream) && this.fileOfDestination(stream) === null;
  }

  /** An array (targets, multistream entries) that already has a stdout entry beside `element`. */
  private siblingArray(path: ASTPath<any>, isStdout: (node: any) => boolean): ASTPath<any> | null {
    const arr = path.parent;
    if (arr?.node.type !== 'ArrayExpression') return null;
    return arr.node.elements.some((e: any) => e !== path.node && isStdout(e)) ? arr : null;
  }

  run(): void {
    const { j } = this;
    const edit = this.ctx.edit!;
    const comments = this.root.get().node.comments ?? [];
    const pruned = new Set<any>();
    const pruneFrom = (arr: ASTPath<any>, isRemoved: (node: any) => boolean) => {
      if (pruned.has(arr.node)) return;
      pruned.add(arr.node);
      const result = pruneArray(edit.source, comments, arr.node, { isRemoved, filler: () => null });
      if (result.text === null) return;
      edit.replace(arr.node, result.text);
      reportRemovedComments((line, message) => this.ctx.manual(line, message), result.removed, 'a pino file destination');
      this.ctx.changed(result.removed.length);
    };

    this.root.find(j.ObjectExpression).forEach((p) => {
      const destination = this.fileTarget(p.node);
      if (!destination) return;
      const arr = this.siblingArray(p, (e) => this.isStdoutTarget(e));
      if (arr) return pruneFrom(arr, this.isFileTarget);
      toStdout(edit, destination, 'value');
      this.ctx.changed();
    });

    this.root.find(j.CallExpression).forEach((p) => {
      const file = this.fileOfDestination(p.node);
      if (!this.isDestinationCall(p.node) || !file) return;
      const entry = p.parent?.parent;
      const inStreamEntry = p.parent?.node.type === 'ObjectProperty' && (p.parent.node.key.name ?? p.parent.node.key.value) === 'stream';
      const arr = inStreamEntry && entry ? this.siblingArray(entry, (e) => this.isStdoutStream(e)) : null;
      if (arr) return pruneFrom(arr, this.isFileStream);
      toStdout(edit, file.holder, file.key);
      this.ctx.changed();
    });

    this.reportFileStreams();
    this.reportFastifyLogFile();
  }

  /** Fastify's `logger: { file }` option: pino writes to that file. */
  private reportFastifyLogFile(): void {
    const { j } = this;
    const fastify = moduleBindings(j, this.root, ['fastify']);
    if (fastify.whole.size === 0 && fastify.named.size === 0) return;
    this.root.find(j.ObjectProperty).forEach((p: any) => {
      if ((p.node.key.name ?? p.node.key.value) !== 'logger' || p.node.value.type !== 'ObjectExpression') return;
      const file = propOf(p.node.value, 'file');
      if (file && !isStreamDestination(file.value)) {
        this.ctx.manual(lineOf(file), 'Fastify logger.file writes the logs to a file; remove it so pino logs to stdout');
      }
    });
  }

  /** `pino(opts, fs.createWriteStream(file))`: a plain file stream is not pino's to rewrite. */
  private reportFileStreams(): void {
    const { j } = this;
    this.root.find(j.CallExpression).forEach((p) => {
      const callee: any = p.node.callee;
      const isPino = callee.type === 'Identifier' && this.factories.has(callee.name);
      if (!isPino) return;
      for (const arg of p.node.arguments) {
        const c: any = arg.type === 'CallExpression' ? arg.callee : null;
        if (c?.type === 'MemberExpression' && !c.computed && c.property.name === 'createWriteStream') {
          this.ctx.manual(lineOf(arg), `pino writes to a file stream (${c.object.name ?? 'fs'}.createWriteStream); pass pino.destination(1) to log to stdout`);
        }
      }
    });
  }
}

export function rewritePinoDestinations(j: JSCodeshift, root: Collection<any>, ctx: AstContext): void {
  new PinoRewrite(j, root, ctx).run();
}
