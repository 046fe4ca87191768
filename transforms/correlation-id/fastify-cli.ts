import path from 'node:path';
import type { Collection } from 'jscodeshift';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { lineOf } from '../../src/ast/scope';
import { inSemicolonStyle } from '../../src/ast/style';
import type { ServiceModel } from '../../src/fleet/types';
import type { AstContext } from '../../src/types';
import { importerFor } from './importer';

const FASTIFY_START = /\bfastify\s+start\b((?:\s+-{1,2}[\w-]+(?:[ =](?!-)[^\s&|;]+)?)*)\s+([^\s&|;-][^\s&|;]*)/g;

/**
 * Files `fastify start <file>` runs, from the service's scripts (a built `dist/x.js` maps back to
 * `src/x.ts`). Only these are the app: the other plugins a fastify-cli app loads (autoload's
 * `plugins/`, `routes/`) are its children, and a hook there would cover only their own routes.
 */
export function fastifyCliApps(service: ServiceModel | undefined): Set<string> {
  const found = new Set<string>();
  for (const script of Object.values(service?.package?.scripts ?? {})) {
    for (const m of script.matchAll(FASTIFY_START)) {
      const file = path.resolve(service!.dir, m[2]);
      found.add(file);
      found.add(file.replace(/([\\/])(?:dist|build|lib)([\\/])/, '$1src$2').replace(/\.js$/, '.ts'));
    }
  }
  return found;
}

/** The exported value (`module.exports = …`, `export default …`) and the line of its export. */
function exportedValue(root: Collection<any>, ctx: AstContext): { value: any; line: number } | null {
  const j = ctx.j;
  const esm = root.find(j.ExportDefaultDeclaration).paths()[0]?.node;
  const cjs = esm ? null : root.find(j.AssignmentExpression, { left: { object: { name: 'module' }, property: { name: 'exports' } } }).paths()[0]?.node;
  const at = esm ?? cjs;
  return at ? { value: esm ? esm.declaration : cjs!.right, line: lineOf(at) } : null;
}

/**
 * The plugin function the app exports, through `fp(fn)` (fastify-plugin: the hooks then land on the
 * root instance, which covers every route too) and a name bound at the top level.
 */
function pluginFunction(root: Collection<any>, ctx: AstContext, value: any): any {
  const j = ctx.j;
  let node = value;
  for (let hops = 0; node && hops < 4; hops++) {
    if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') node = node.expression;
    else if (node.type === 'CallExpression' && node.arguments.length > 0) node = node.arguments[0];
    else if (node.type === 'Identifier') {
      const name = node.name;
      const fn = root.find(j.FunctionDeclaration, { id: { name } }).paths()[0]?.node;
      node = fn ?? root.find(j.VariableDeclarator, { id: { name } }).paths()[0]?.node.init ?? null;
    } else break;
  }
  const isFunction = node && ['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration'].includes(node.type);
  return isFunction && node.body.type === 'BlockStatement' && node.params[0]?.type === 'Identifier' ? node : null;
}

/**
 * A fastify-cli app (`fastify start app.js`) is a plugin with no `fastify()` call: the adapter
 * (`fastifyName`, the scaffold's fastifyCorrelationId) is called first in the exported plugin, with
 * the plugin's instance. Without an adapter, or when the export is not a function shipshape can
 * read, the app is a manual item, never skipped silently.
 */
export function addToFastifyCliApps(root: Collection<any>, ctx: AstContext): void {
  if (!fastifyCliApps(ctx.service).has(ctx.path)) return;
  const header = ctx.options.header;
  const name: string | undefined = ctx.options.fastifyName;
  const importer = name && ctx.options.import !== undefined ? importerFor(root, ctx, name, 'named') : null;
  if (importer?.existing()) return;
  if (new RegExp(`requestIdHeader|['"\`]${header}['"\`]`, 'i').test(ctx.source)) return;
  const exported = exportedValue(root, ctx);
  const plugin = exported ? pluginFunction(root, ctx, exported.value) : null;
  if (!importer || !plugin) {
    const why = !importer ? 'is a plugin with no fastify() call, so it gets no correlation ID' : "exports no plugin function shipshape can read";
    ctx.manual(
      exported?.line ?? 0,
      `this fastify-cli app (fastify start) ${why}: set fastifyName to a function of ${ctx.options.import ?? 'the import module'} that adds the hooks, or add an onRequest hook first in the plugin that reads ${header} (else a new ID), echoes it with reply.header and runs the request in an AsyncLocalStorage`,
    );
    return;
  }
  const local = importer.ensure();
  insertPlacedEdit(ctx, plugin.body.body, 0, inSemicolonStyle(`${local}(${plugin.params[0].name});`, ctx.style), 'before', { block: plugin.body });
  ctx.changed();
}
