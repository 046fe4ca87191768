import type { Collection } from 'jscodeshift';
import { findExpressApps, isFactoryCall, moduleBindings, type AppBinding } from '../../src/ast/apps';
import { EXPRESS_SETTINGS } from '../../src/ast/middleware';
import { insertPlacedEdit } from '../../src/ast/edit-placement';
import { lineOf } from '../../src/ast/scope';
import { inSemicolonStyle } from '../../src/ast/style';
import type { AstContext } from '../../src/types';
import type { Adopted } from './adopt';
import { recordInstalled } from './headers';
import type { Importer } from './importer';
import { existingMiddleware, installFirst, useCalls } from './install';
import { alignPinoHttp } from './pino-http';

/**
 * An app mounted on another app of the file (`app.use('/admin', admin)`) already runs behind the
 * parent's middleware; a second copy would mint a second ID for requests that came without one.
 */
function isMountedSubApp(ctx: AstContext, root: Collection<any>, app: AppBinding, apps: AppBinding[]): boolean {
  return apps.some(
    (parent) =>
      parent !== app &&
      useCalls(ctx, root, parent).some((p: any) => p.node.arguments.some((arg: any) => ctx.edit!.textOf(arg) === app.name)),
  );
}

/**
 * `var app = module.exports = express();`, the classic Express idiom that findExpressApps does not
 * see: the declared name is the app.
 */
function chainedAppDeclarations(root: Collection<any>, ctx: AstContext): AppBinding[] {
  const j = ctx.j;
  const express = moduleBindings(j, root, ['express']);
  const found: AppBinding[] = [];
  root.find(j.VariableDeclarator, { init: { type: 'AssignmentExpression' } }).forEach((p: any) => {
    let right = p.node.init;
    while (right?.type === 'AssignmentExpression') right = right.right;
    if (p.node.id.type === 'Identifier' && isFactoryCall(right, express)) found.push({ name: p.node.id.name, path: p, call: right });
  });
  return found;
}

/** `class Server { app = express(); ... }`: apps created by a class field. */
function classFieldApps(root: Collection<any>, ctx: AstContext): AppBinding[] {
  const j = ctx.j;
  const express = moduleBindings(j, root, ['express']);
  const found: AppBinding[] = [];
  root.find(j.Node).forEach((p: any) => {
    const node = p.node;
    if ((node.type !== 'ClassProperty' && node.type !== 'PropertyDefinition') || node.static || node.computed) return;
    if (node.key?.type === 'Identifier' && isFactoryCall(node.value, express)) found.push({ name: `this.${node.key.name}`, path: p, call: node.value });
  });
  return found;
}

/**
 * A class field's app gets the middleware at the start of the constructor (after `super(...)`),
 * where the fields have just been initialised. A class without a constructor is a manual item.
 */
function installInConstructor(ctx: AstContext, app: AppBinding, importer: Importer): void {
  const members: any[] = app.path.parent?.node?.body ?? [];
  const ctor = members.find((m) => (m.type === 'ClassMethod' || m.type === 'MethodDefinition') && m.kind === 'constructor');
  const block = ctor?.body ?? ctor?.value?.body;
  const body: any[] | undefined = block?.body;
  if (!body) {
    ctx.manual(lineOf(app.call), `${app.name} is created by a class field and the class has no constructor; add ${app.name}.use(${importer.name}) as its first middleware by hand`);
    return;
  }
  const isSuper = (s: any) => s.type === 'ExpressionStatement' && s.expression.type === 'CallExpression' && s.expression.callee.type === 'Super';
  const index = body.findIndex(isSuper) + 1;
  const local = importer.ensure();
  insertPlacedEdit(ctx, body, index, inSemicolonStyle(`${app.name}.use(${local});`, ctx.style), index === 0 ? 'before' : 'after', { block });
  ctx.changed();
}

/**
 * `app.use(<middleware>)` as the first middleware of every Express app of the file. Returns the
 * other request-ID mechanisms the file's apps already use (kept: no second middleware): the ones
 * the app's own `use` calls show, else the service's (`service`, from the fleet model).
 */
export function addToExpressApps(root: Collection<any>, ctx: AstContext, importer: Importer, service: Adopted[] = []): Adopted[] {
  const j = ctx.j;
  const fields = classFieldApps(root, ctx);
  const apps = [...findExpressApps(j, root), ...chainedAppDeclarations(root, ctx), ...fields];
  const foreign: Adopted[] = [];
  for (const app of apps) {
    const existing = existingMiddleware(ctx, root, app, importer.existing());
    if (existing && !existing.ours) {
      foreign.push(existing.adopted);
      continue;
    }
    if (!existing && service.length > 0) {
      foreign.push({ ...service[0], line: lineOf(app.call) });
      continue;
    }
    recordInstalled(ctx, lineOf(app.call));
    if (existing || isMountedSubApp(ctx, root, app, apps)) {
      if (existing) alignPinoHttp(ctx, root, app, importer);
      continue;
    }
    if (fields.includes(app)) installInConstructor(ctx, app, importer);
    else if (installFirst(ctx, app, importer, EXPRESS_SETTINGS, (name, local) => `${name}.use(${local});`)) alignPinoHttp(ctx, root, app, importer);
  }
  return foreign;
}
