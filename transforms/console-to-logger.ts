import type { ASTPath } from 'jscodeshift';
import { statementFromCode } from '../src/ast/build';
import { ensureImport, findImport, type ImportRequest } from '../src/ast/imports';
import { specifierFor, specifierMatches } from '../src/ast/modules';
import { lineOf } from '../src/ast/scope';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { AstContext, Transform } from '../src/types';
import { loggerArguments, whyManual } from './console-to-logger/call';
import { moveCommentsAbove } from './console-to-logger/comments';
import { findConsoleUses, type CallUse, type ValueUse } from './console-to-logger/find';
import { OPTIONS, settingsOf } from './console-to-logger/options';
import { prepareOptions } from './console-to-logger/prepare';
import { importsBrowserFramework, skipReason } from './console-to-logger/skip';
import { withFileExtensionHabit } from './console-to-logger/specifier';

interface Rewrite {
  path: ASTPath<any>;
  /** The nodes that are rebuilt as text: comments inside them move above the statement. */
  rebuilt: any[];
  /** Builds the replacement's text once the logger's local name is known. */
  build(local: string): string;
}

/**
 * The text that replaces a console call or a console method passed as a callback, or a manual-item
 * reason. The text is built when the rewrite happens: comments have moved away and calls nested in
 * the arguments are rewritten by then.
 */
function planRewrite(use: CallUse | ValueUse, ctx: AstContext): Rewrite | string {
  const settings = settingsOf(ctx.options);
  const { j } = ctx;
  if (use.kind === 'call') {
    const args = use.path.node.arguments;
    const reason = whyManual(args);
    if (reason) return `console.${use.method}(…) ${reason}`;
    return {
      path: use.path,
      rebuilt: [use.path.node.callee, ...args],
      build: (local) => `${local}.${use.level}(${loggerArguments(j, args, use.path, settings, ctx.style)})`,
    };
  }
  // Logger methods are not bound, so a callback calls the logger with what it receives.
  const param = use.method === 'error' ? 'err' : 'value';
  return {
    path: use.path,
    rebuilt: [use.path.node],
    build: (local) => `(${param}) => ${local}.${use.level}(${loggerArguments(j, [j.identifier(param)], use.path, settings, ctx.style)})`,
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

export const consoleToLogger: Transform = {
  name: 'console-to-logger',
  summary: 'Replaces console.* calls with structured logger calls (winston or pino), keeping every argument',
  options: OPTIONS,
  prepare: prepareOptions,
  ast: {
    roles: ['runtime'],
    prefilter: (source) => source.includes('console'),
    exclude: skipReason,
    apply(root, ctx) {
      const { j } = ctx;
      const settings = settingsOf(ctx.options);
      if (!settings.import) throw new Error("the 'import' option is not set (the logger module to import)");
      if (settings.skipBrowser && importsBrowserFramework(j, root, ctx.source)) return;

      const request: ImportRequest = {
        source: withFileExtensionHabit(j, root, specifierFor(settings.import, ctx.root, ctx.path)),
        name: settings.name,
        kind: settings.kind,
        matches: (spec) => specifierMatches(spec, ctx.path, settings.import, ctx.root),
      };
      // graceful-shutdown (later, same tree) logs through this logger, in this argument order.
      ctx.facts.loggerStyle = settings.style;
      const existing = findImport(j, root, request);
      if (existing) ctx.facts.logger = existing;

      const manual: { line: number; message: string }[] = [];
      let rewrites: Rewrite[] = [];
      for (const use of findConsoleUses(j, root, settings.levels)) {
        if (use.kind === 'manual') {
          manual.push(use);
          continue;
        }
        const plan = planRewrite(use, ctx);
        if (typeof plan === 'string') manual.push({ line: lineOf(use.path.node), message: plan });
        else rewrites.push(plan);
      }
      for (const item of manual.sort((a, b) => a.line - b.line)) ctx.manual(item.line, item.message);
      if (rewrites.length === 0) return;

      const { local, added } = ensureImport(j, root, ctx.path, request, ctx.style);
      ctx.facts.logger = local;
      // An existing logger import can be hidden by a parameter or local of the same name.
      const hidden = added ? [] : rewrites.filter((r) => isHidden(r.path, local));
      for (const r of hidden) ctx.manual(lineOf(r.path.node), `console call not rewritten: '${local}' here is a local binding, not the imported logger; rename it or call the logger by hand`);
      rewrites = rewrites.filter((r) => !hidden.includes(r));
      if (rewrites.length === 0) return;
      // Inner calls first, so an outer call's text is built from its already rewritten arguments.
      for (const rewrite of rewrites.sort(byPosition).reverse()) {
        moveCommentsAbove(j, rewrite.path, rewrite.rebuilt);
        // Parsed as a statement, not in parentheses, so recast keeps the text exactly as built.
        const node = statementFromCode(j, `${rewrite.build(local)};`).expression;
        node.comments = rewrite.path.node.comments;
        rewrite.path.replace(node);
      }
      ctx.changed(rewrites.length);
    },
  },
};

export default toJscodeshift(consoleToLogger);
