import type { ASTPath } from 'jscodeshift';
import path from 'node:path';
import { ensureImportEdit } from '../src/ast/edit-imports';
import { findImport, type ImportRequest } from '../src/ast/imports';
import { specifierFor, specifierMatches, withRuntimeExtension } from '../src/ast/modules';
import { enclosingStatement, lineOf } from '../src/ast/scope';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { AstContext, Transform } from '../src/types';
import { planArguments, whyManual } from './console-to-logger/call';
import { CallText } from './console-to-logger/call-text';
import { commentsWithin, moveCommentsAbove } from './console-to-logger/comments';
import { findConsoleUses, type CallUse, type ValueUse } from './console-to-logger/find';
import { renderCall } from './console-to-logger/layout';
import { OPTIONS, settingsOf } from './console-to-logger/options';
import { profileOf, type Profile } from './console-to-logger/profile';
import { finalizeRewrites, type RewriteRecord } from './console-to-logger/finalize';
import { generateLogger, prepareOptions } from './console-to-logger/prepare';
import { importsBrowserFramework, skipReason } from './console-to-logger/skip';
import { pathsAliasReaches, withFileExtensionHabit } from './console-to-logger/specifier';

interface Rewrite {
  path: ASTPath<any>;
  /** The console method it replaces. */
  method: string;
  /** The range rebuilt as text: comments inside it move above the statement. */
  rebuilt: { start: number; end: number };
  /** Builds the replacement's text once the logger's local name is known. */
  build(local: string): string;
}

/**
 * The text that replaces a console call or a console method passed as a callback, or a manual-item
 * reason. The text is built when the rewrite happens: comments have moved away and calls nested in
 * the arguments are rewritten by then.
 */
function planRewrite(use: CallUse | ValueUse, ctx: AstContext, profile: Profile, texts: CallText): Rewrite | string {
  const settings = settingsOf(ctx.options);
  const { j } = ctx;
  const print = (node: any) => texts.of(node);
  if (use.kind === 'call') {
    const args = use.path.node.arguments;
    const reason = whyManual(j, args, use.level, profile);
    if (reason) return `console.${use.method}(…) ${reason}`;
    const plan = planArguments(print, args, use.path, use.level, settings, profile, ctx.style, ctx.path);
    if (typeof plan === 'string') return `console.${use.method}(…) ${plan}`;
    const layout = { loc: use.path.node.loc, start: use.path.node.start, end: use.path.node.end, callee: use.path.node.callee, arguments: [...args] };
    return {
      path: use.path,
      method: use.method,
      rebuilt: { start: use.path.node.callee.start, end: use.path.node.end },
      // Planned again at build time: nested console calls in the arguments are rewritten by then.
      build: (local) => {
        const again = planArguments(print, use.path.node.arguments, use.path, use.level, settings, profile, ctx.style, ctx.path) as { args: any[] };
        return renderCall(`${local}.${use.level}`, again.args, layout, ctx.source, ctx.style);
      },
    };
  }
  // Logger methods are not bound, so a callback calls the logger with what it receives.
  const param = use.method === 'error' ? 'err' : 'value';
  return {
    path: use.path,
    method: use.method,
    rebuilt: use.path.node,
    build: (local) => {
      const plan = planArguments(print, [j.identifier(param)], use.path, use.level, settings, profile, ctx.style, ctx.path) as { args: any[] };
      return `(${param}) => ${renderCall(`${local}.${use.level}`, plan.args, { callee: {}, arguments: [] }, ctx.source, ctx.style)}`;
    },
  };
}

/** Whether `name` at `path` resolves to something other than a top-level binding. */
function isHidden(path: ASTPath<any>, name: string): boolean {
  const scope = path.scope?.lookup(name);
  return !!scope && scope.node.type !== 'Program' && scope.node.type !== 'File';
}

function byPosition(a: { path: ASTPath<any> }, b: { path: ASTPath<any> }): number {
  return (a.path.node.start ?? 0) - (b.path.node.start ?? 0);
}

/**
 * Replaces each rewritten call's range with its logger call, as edits. Inner calls are built first,
 * so an outer call's text includes them; only the outermost replacements become edits. Comments
 * inside a rebuilt call move above its statement, in source order.
 */
function rewriteCalls(rewrites: Rewrite[], local: string, ctx: AstContext, comments: readonly any[], texts: CallText): void {
  const edit = ctx.edit!;
  const inside = (r: Rewrite, o: Rewrite) => o !== r && o.path.node.start <= r.path.node.start && r.path.node.end <= o.path.node.end;
  const outermost = rewrites.filter((r) => !rewrites.some((o) => inside(r, o)));
  const moving = new Map<Rewrite, any[]>(outermost.map((r) => [r, commentsWithin(comments, r.rebuilt)]));
  for (const list of moving.values()) list.forEach((c) => texts.cut(c));
  for (const rewrite of [...rewrites].sort(byPosition).reverse()) texts.rewritten(rewrite.path.node, rewrite.build(local));
  for (const rewrite of outermost.sort(byPosition)) {
    const statement = enclosingStatement(rewrite.path)?.statement.node ?? rewrite.path.node;
    moveCommentsAbove(edit, statement, moving.get(rewrite)!);
    edit.replace(rewrite.path.node, texts.of(rewrite.path.node));
  }
}

export const consoleToLogger: Transform = {
  name: 'console-to-logger',
  summary: "Replaces console.* calls with calls on the service's structured logger (winston, pino, bunyan, its own, or a scaffolded one), losing nothing the log line showed",
  options: OPTIONS,
  prepare: prepareOptions,
  generate: generateLogger,
  // The logger module it creates imports the correlation-ID module created in the same run.
  generateAfter: ['correlation-id'],
  finalize: finalizeRewrites,
  ast: {
    edits: true,
    roles: ['runtime'],
    prefilter: (source) => source.includes('console'),
    exclude: skipReason,
    apply(root, ctx) {
      const { j } = ctx;
      const settings = settingsOf(ctx.options);
      // prepare found no console call to rewrite and no logger; calls another transform wrote since
      // (graceful-shutdown's handler) stay on console rather than import a module no one creates.
      if (!settings.import) return;
      if (settings.skipBrowser && importsBrowserFramework(j, root, ctx.source)) return;

      const request: ImportRequest = {
        source: withRuntimeExtension(withFileExtensionHabit(j, root, specifierFor(settings.import, ctx.root, ctx.path)), ctx.service, ctx.path),
        name: settings.name,
        kind: settings.kind,
        matches: (spec) => specifierMatches(spec, ctx.path, settings.import, ctx.root) || pathsAliasReaches(spec, path.resolve(ctx.root, settings.import), ctx.service),
      };
      const profile = profileOf(settings, ctx.service);
      // graceful-shutdown (later, same tree) logs through this logger, in this argument order.
      ctx.facts.loggerStyle = profile.metaFirst ? 'pino' : 'winston';
      const existing = findImport(j, root, request);
      if (existing) ctx.facts.logger = existing;

      const manual: { line: number; message: string }[] = [];
      let rewrites: Rewrite[] = [];
      const texts = new CallText(ctx.source, j, ctx.style);
      for (const use of findConsoleUses(j, root, settings.levels)) {
        if (use.kind === 'manual') {
          manual.push(use);
          continue;
        }
        const plan = planRewrite(use, ctx, profile, texts);
        if (typeof plan === 'string') manual.push({ line: lineOf(use.path.node), message: plan });
        else rewrites.push(plan);
      }
      const protocol = ctx.service?.facts.stdoutIsProtocol;
      if (protocol && rewrites.length > 0) {
        ctx.manual(0, `console calls not rewritten: this service's stdout is a protocol (${path.relative(ctx.root, protocol.file) || protocol.file}:${protocol.line}), and the logger would write to it; log to stderr by hand (console.error, or a logger with a stderr destination)`);
        return;
      }
      for (const item of manual.sort((a, b) => a.line - b.line)) ctx.manual(item.line, item.message);
      if (rewrites.length === 0) return;

      const { local, added } = ensureImportEdit(ctx, root, request);
      ctx.facts.logger = local;
      // An existing logger import can be hidden by a parameter or local of the same name.
      const hidden = added ? [] : rewrites.filter((r) => isHidden(r.path, local));
      for (const r of hidden) ctx.manual(lineOf(r.path.node), `console call not rewritten: '${local}' here is a local binding, not the imported logger; rename it or call the logger by hand`);
      rewrites = rewrites.filter((r) => !hidden.includes(r));
      if (rewrites.length === 0) return;
      // For finalize: tests that observe these console calls, services whose format hides meta.
      const record: RewriteRecord = { service: ctx.service?.name, logger: profile.describe, printf: profile.printf, calls: rewrites.map((r) => ({ line: lineOf(r.path.node), method: r.method })) };
      rewriteCalls(rewrites, local, ctx, root.get().node.comments ?? [], texts);
      ctx.changed(rewrites.length);
      ctx.record(record);
    },
  },
};

export default toJscodeshift(consoleToLogger);
