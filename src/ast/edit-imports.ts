import type { Collection } from 'jscodeshift';
import type { AstContext } from '../types';
import type { Edit } from '../engine/edits';
import { findImport, isRequireCall, isRequireStatement, moduleSystem, programOf, type ImportRequest } from './imports';
import { insertLineAfter, insertPlacedEdit } from './edit-placement';
import { claimName } from './scope';
import { quoteString } from './style';

/**
 * ensureImport (src/ast/imports.ts) for transforms with `ast.edits`: the same decisions (an existing
 * binding is reused, an import or destructuring require of the module gets one more name, else a new
 * `import`/`require` line), made as edits on the original text.
 *
 * The tree does not change, so what earlier calls added in this file is remembered per file (shared
 * by the transforms of one pass through ctx.facts): a second request for the same name returns the
 * same local, new names never clash with names added before, and further names of a module that got
 * a new line in this transform join that line.
 */

interface AddedLine {
  edit: Edit;
  named: string[];
  build: (named: string[]) => string;
}

interface FileImports {
  /** Local name per request (`kind:name:source`) added in this file. */
  locals: Map<string, string>;
  /** Local names the added imports bind. */
  taken: Set<string>;
  /** New import lines of named imports per source, with the edit that inserts them. */
  lines: Map<string, AddedLine>;
}

const byFile = new WeakMap<object, FileImports>();

function fileImports(ctx: AstContext): FileImports {
  let state = byFile.get(ctx.facts);
  if (!state) byFile.set(ctx.facts, (state = { locals: new Map(), taken: new Set(), lines: new Map() }));
  return state;
}

const specifierText = (name: string, local: string, sep: ' as ' | ': ') => (local === name ? name : `${name}${sep}${local}`);

/**
 * Makes sure the file can use the requested import and returns the local name to use (`added` is
 * false when the binding was already there). When the name is taken by something else in the file,
 * the import gets a free alias (`logger2`).
 */
export function ensureImportEdit(ctx: AstContext, root: Collection<any>, req: ImportRequest): { local: string; added: boolean } {
  const { j } = ctx;
  const existing = findImport(j, root, req);
  if (existing) return { local: existing, added: false };
  const state = fileImports(ctx);
  const key = `${req.kind}:${req.name}:${req.source}`;
  const known = state.locals.get(key);
  if (known) return { local: known, added: false };
  // claimName: other edits of this tree may have given out names too (graceful-shutdown's `server`).
  const local = claimName(j, root, req.name, state.taken);
  state.locals.set(key, local);
  state.taken.add(local);
  addImport(ctx, root, req, local, state);
  return { local, added: true };
}

function addImport(ctx: AstContext, root: Collection<any>, req: ImportRequest, local: string, state: FileImports): void {
  const edit = ctx.edit!;
  const matches = req.matches ?? ((s: string) => s === req.source);
  const program = programOf(root);
  const body = program.body as any[];
  const semi = ctx.style.semicolons ? ';' : '';
  const quoted = quoteString(req.source, ctx.style);
  const pending = state.lines.get(req.source);
  if (req.kind === 'named' && pending && edit.list.includes(pending.edit)) {
    const before = pending.build(pending.named);
    pending.named.push(specifierText(req.name, local, moduleSystem(ctx.j, root, ctx.path) === 'esm' ? ' as ' : ': '));
    // The edit's text is the line with its layout around it: only the line changes.
    pending.edit.text = pending.edit.text.replace(before, pending.build(pending.named));
    return;
  }

  if (moduleSystem(ctx.j, root, ctx.path) === 'esm') {
    const decl = body.find(
      (s) => s.type === 'ImportDeclaration' && s.importKind !== 'type' && matches(s.source.value) && !(s.specifiers ?? []).some((x: any) => x.type === 'ImportNamespaceSpecifier'),
    );
    if (decl && (req.kind === 'named' || !decl.specifiers.some((x: any) => x.type === 'ImportDefaultSpecifier'))) {
      extendImport(ctx, decl, req, local);
      return;
    }
    const named = [specifierText(req.name, local, ' as ')];
    const build = (names: string[]) => (req.kind === 'default' ? `import ${local} from ${quoted}${semi}` : `import { ${names.join(', ')} } from ${quoted}${semi}`);
    const lastImport = body.filter((s) => s.type === 'ImportDeclaration').pop();
    if (lastImport) insertLineAfter(ctx, lastImport, build(named));
    else insertPlacedEdit(ctx, body, 0, build(named), 'before', { top: true, program: true, block: program });
    if (req.kind === 'named') state.lines.set(req.source, { edit: edit.list[edit.list.length - 1], named, build });
    return;
  }

  // CommonJS: extend `const { a } = require('m')` when there is one.
  const entry = specifierText(req.name, local, ': ');
  if (req.kind === 'named') {
    for (const stmt of body) {
      if (stmt.type !== 'VariableDeclaration') continue;
      const d = stmt.declarations.find((d: any) => isRequireCall(d.init) && matches(d.init.arguments[0].value) && d.id.type === 'ObjectPattern');
      if (d) {
        appendToList(ctx, d.id, d.id.properties, entry);
        return;
      }
    }
  }
  let lastRequire = -1;
  let kind = 'const';
  for (let i = 0; i < body.length && isRequireStatement(body[i]); i++) {
    lastRequire = i;
    if (body[i].type === 'VariableDeclaration') kind = body[i].kind;
  }
  const named = [entry];
  const build = (names: string[]) => `${kind} ${req.kind === 'named' ? `{ ${names.join(', ')} }` : local} = require(${quoted})${semi}`;
  if (lastRequire >= 0) insertPlacedEdit(ctx, body, lastRequire + 1, build(named), 'after', { program: true, block: program });
  else insertPlacedEdit(ctx, body, 0, build(named), 'before', { top: true, program: true, block: program });
  if (req.kind === 'named') state.lines.set(req.source, { edit: edit.list[edit.list.length - 1], named, build });
}

/** One more specifier in an existing `import ... from 'm'` (a default one goes first, as the syntax needs). */
function extendImport(ctx: AstContext, decl: any, req: ImportRequest, local: string): void {
  const edit = ctx.edit!;
  const specifiers = decl.specifiers ?? [];
  const head = ctx.source.slice(decl.start, decl.source.start);
  const brace = head.indexOf('{');
  if (req.kind === 'default') {
    // Before `{ a }` (the default binding comes first), or `import 'm'` gets `import local from 'm'`.
    if (brace >= 0) edit.insertBefore({ start: decl.start + brace, end: decl.start + brace }, `${local}, `);
    else edit.insertBefore(decl.source, `${local} from `);
    return;
  }
  const text = specifierText(req.name, local, ' as ');
  const named = specifiers.filter((s: any) => s.type === 'ImportSpecifier');
  if (named.length) return appendToList(ctx, decl, named, text);
  // `import {} from 'm'`, `import d, {} from 'm'`: into the braces; `import d from 'm'` and `import 'm'` get them.
  if (brace >= 0) edit.insertAfter({ start: decl.start + brace + 1, end: decl.start + brace + 1 }, ` ${text} `);
  else if (specifiers.length) edit.insertAfter(specifiers[specifiers.length - 1], `, { ${text} }`);
  else edit.insertBefore(decl.source, `{ ${text} } from `);
}

/**
 * `text` after the last element of a `{ ... }` list: on a line of its own, indented like that
 * element, when the list is laid out one element a line; an existing trailing comma stays last.
 */
function appendToList(ctx: AstContext, owner: any, elements: any[], text: string): void {
  const last = elements[elements.length - 1];
  if (!last) {
    const brace = ctx.source.indexOf('{', owner.start) + 1;
    return ctx.edit!.insertAfter({ start: brace, end: brace }, ` ${text} `);
  }
  const ownLines = last.loc.start.line > owner.loc.start.line;
  ctx.edit!.insertAfter(last, ownLines ? `,\n${ctx.edit!.indentAt(last)}${text}` : `, ${text}`);
}
