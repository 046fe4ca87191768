import path from 'node:path';
import jscodeshift from 'jscodeshift';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { detectStyle, type CodeStyle } from '../ast/style';
import type { FileContext, ManualItem, Options, Transform } from '../types';
import { acceptsRole } from '../fleet/roles';
import type { FileRole, ServiceModel } from '../fleet/types';
import { isJsLike, parserFor, type FileParser } from './parser';
import { restoreNoSemicolonStyle } from './semicolons';
import { covers, fileSuppressed, honourLineSuppressions, parseSuppressions } from './suppressions';
import { shareUnchanged } from './share-unchanged';
import { applyEdits, overlaps, SourceEdits, type Edit } from './edits';
import { builtPieces, resetBuiltCode } from '../ast/build';
import { attachInsertions, detachInsertions, resetInsertions } from '../ast/insert';
import { lockTemplateLines } from './recast-fixes';
import '../ast/fast-find';

export type FileStatus = 'unchanged' | 'changed' | 'error' | 'skipped';

export interface FileResult {
  path: string;
  relPath: string;
  status: FileStatus;
  /** The new text, when changed. */
  output?: string;
  changes: Record<string, number>;
  manual: ManualItem[];
  /** Per transform, what its finalize step needs from this file. */
  records: Record<string, unknown[]>;
  error?: string;
  /** Secrets found in the file: shown only by their first 4 characters anywhere. */
  redactions?: string[];
  /** Why the file was skipped. */
  reason?: string;
  /** Changes and manual items shipshape-ignore directives kept out, per transform. */
  suppressed?: Record<string, number>;
}

/** What one pass over a file's tree tells the next pass. */
interface PassNotes {
  /** Transforms that ran on the tree. */
  applied: string[];
  /** Transforms that ran before other transforms wrote code with work for them, or whose edits lost an overlap. */
  again: string[];
  /** Transforms whose edits overlapped a later transform's and were dropped (they run again on the result). */
  clashed: string[];
}

export interface FileInput {
  path: string;
  relPath: string;
  root: string;
  source: string;
  /** The file's service and role in the fleet model; absent outside a shipshape run. */
  service?: ServiceModel;
  role?: FileRole;
}

const BOM = '\uFEFF';

/** Describes a parse error with its line, as users need to find it. */
export function describeSyntaxError(err: any): string {
  const loc = err?.loc ? ` (line ${err.loc.line}, column ${err.loc.column + 1})` : '';
  const msg = String(err?.message ?? err).replace(/\s*\(\d+:\d+\)$/, '');
  return `${msg}${loc}`;
}

function lineEndingsOf(text: string): 'crlf' | 'lf' {
  const crlf = text.split('\r\n').length - 1;
  if (crlf === 0) return 'lf';
  const lf = text.split('\n').length - 1;
  return crlf === lf ? 'crlf' : 'lf';
}

function makeContext(
  input: FileInput,
  transform: Transform,
  options: Options,
  result: FileResult,
  facts: Record<string, unknown>,
): FileContext {
  return {
    path: input.path,
    relPath: input.relPath,
    root: input.root,
    options,
    facts,
    changed(n = 1) {
      if (n > 0) result.changes[transform.name] = (result.changes[transform.name] ?? 0) + n;
    },
    manual(line, message) {
      result.manual.push({ transform: transform.name, line, message });
    },
    record(data) {
      (result.records[transform.name] ??= []).push(data);
    },
    redact(value) {
      if (value) (result.redactions ??= []).push(value);
    },
    ...(input.service ? { service: input.service } : {}),
    ...(input.role ? { role: input.role } : {}),
  };
}

function applyAst(
  input: FileInput,
  source: string,
  transforms: Transform[],
  optionsByName: Record<string, Options>,
  result: FileResult,
  facts: Record<string, unknown>,
  notes: PassNotes,
): string {
  const optionsOf = (t: Transform) => optionsByName[t.name] ?? {};
  const eligible = transforms.filter(
    (t) => t.ast && acceptsRole(t.ast.roles, input.role) && !t.ast.exclude?.(input.relPath, input.path, optionsOf(t), input.root),
  );
  const active = eligible.filter((t) => {
    if (t.ast!.prefilter(source, optionsOf(t))) return true;
    t.ast!.scan?.(source, makeContext(input, t, optionsOf(t), result, facts));
    return false;
  });
  if (active.length === 0) return source;
  const style: CodeStyle = detectStyle(source);
  const run: RunInput = { input, result, facts, notes, style, optionsOf, eligible };
  // Neighbouring transforms of one kind share a tree: edit-based ones one light babel parse and a
  // splice, the others one recast tree and print. A group works on the text the group before it left;
  // a tree-based one may also run the not yet active tree-based transforms its new code has work for.
  let text = source;
  for (const group of groupsOf(active)) {
    if (group[0].ast!.edits) text = applyEditGroup(run, text, group);
    else {
      text = applyRecastGroup(run, text, group, eligible.filter((t) => !t.ast!.edits && (group.includes(t) || !active.includes(t))));
      // The tree-based group re-ran its own members on its tree; a transform of an earlier group
      // has not seen the code it built.
      noteLateWork(run, builtPieces(), (t) => group.includes(t));
    }
  }
  return text;
}

/**
 * Code one transform wrote can be work for another that already read the text without it
 * (graceful-shutdown's handler logs through console; console-to-logger then has calls to rewrite):
 * that one runs again on the result, as a second run would. `fresh` gives the code written by others
 * than the transform asked about.
 */
function noteLateWork(run: RunInput, fresh: readonly string[] | ((t: Transform) => string[]), skip: (t: Transform) => boolean = () => false): void {
  const { notes, eligible, optionsOf } = run;
  for (const t of eligible.filter((t) => notes.applied.includes(t.name) && !notes.again.includes(t.name) && !skip(t))) {
    const code = typeof fresh === 'function' ? fresh(t) : fresh;
    if (code.length > 0 && t.ast!.prefilter(code.join('\n'), optionsOf(t))) notes.again.push(t.name);
  }
}

/** What every group of one pass shares. */
interface RunInput {
  input: FileInput;
  result: FileResult;
  facts: Record<string, unknown>;
  notes: PassNotes;
  style: CodeStyle;
  optionsOf(t: Transform): Options;
  /** The transforms that may run on the file (by role and path). */
  eligible: Transform[];
}

/** The transforms split into runs of neighbours that are all edit-based or all tree-based. */
function groupsOf(active: Transform[]): Transform[][] {
  const groups: Transform[][] = [];
  for (const t of active) {
    const last = groups[groups.length - 1];
    if (last && !!last[0].ast!.edits === !!t.ast!.edits) last.push(t);
    else groups.push([t]);
  }
  return groups;
}

function syntaxError(err: unknown): FileError {
  return new FileError(`syntax error: ${describeSyntaxError(err)}; fix it or leave the file out with --exclude`);
}

/** Forgets what a transform reported in this pass: it runs again on the result. */
function forgetPass(result: FileResult, name: string): void {
  delete result.changes[name];
  delete result.records[name];
  result.manual = result.manual.filter((m) => m.transform !== name);
}

/**
 * Edit-based transforms: one babel parse without tokens, every transform reads the same tree and
 * records edits on the text, and the edits are spliced in. When two transforms' edits overlap, the
 * later transform's edits win; the earlier transform's edits in this file are dropped and it runs
 * again on the result (transformFile's second pass), as if it had run after the other.
 */
function applyEditGroup(run: RunInput, source: string, group: Transform[]): string {
  const { input, result, facts, notes, style, optionsOf } = run;
  const { parser, j } = toolsFor(input.path);
  let ast: any;
  try {
    ast = parser.light(source);
  } catch (err) {
    throw syntaxError(err);
  }
  const root = j(ast);
  const edits: Edit[] = [];
  for (const t of group) {
    const edit = new SourceEdits(source, t.name);
    const ctx = { ...makeContext(input, t, optionsOf(t), result, facts), j, source, style, edit };
    try {
      t.ast!.apply(root, ctx);
    } catch (err: any) {
      throw new FileError(`transform ${t.name} failed: ${err?.message ?? err}; the file was left unchanged`);
    }
    edits.push(...edit.list);
    notes.applied.push(t.name);
  }
  let clashes;
  try {
    clashes = overlaps(edits, group.map((t) => t.name));
  } catch (err: any) {
    throw new FileError(`${err.message}; the file was left unchanged, please report this`);
  }
  const losers = new Set(clashes.map((c) => c.earlier.transform));
  for (const name of losers) {
    forgetPass(result, name);
    notes.clashed.push(name);
    if (!notes.again.includes(name)) notes.again.push(name);
  }
  const kept = losers.size ? edits.filter((e) => !losers.has(e.transform)) : edits;
  const output = applyEdits(source, kept);
  if (output === source) return source;
  // Every transform of the group read the tree without the others' new code.
  noteLateWork(run, (t) => kept.filter((e) => e.transform !== t.name && e.text).map((e) => e.text));
  try {
    parser.check(output);
  } catch (err) {
    throw new FileError(`the result of ${group.map((t) => t.name).join(', ')} does not parse (${describeSyntaxError(err)}); the file was left unchanged, please report this`);
  }
  return output;
}

/**
 * Tree-based transforms: one recast tree, every transform changes it in order, one print. recast
 * glues a statement inserted at the top onto a `#!` line; as a line comment of the same length the
 * shebang keeps its place (and every position) and new code goes below it. Edit-based groups need
 * none of this: babel reads the line as the file's interpreter, and no edit moves it.
 */
function applyRecastGroup(run: RunInput, source: string, active: Transform[], eligible: Transform[]): string {
  if (!source.startsWith('#!')) return reprint(run, source, active, eligible);
  const commented = `//${source.slice(2)}`;
  const output = reprint(run, commented, active, eligible);
  if (output === commented) return source;
  const line = commented.slice(0, commented.indexOf('\n') >>> 0);
  if (!output.startsWith(`${line}\n`) && output !== line) throw new FileError('the #! line would move; the file was left unchanged, please report this');
  return `#!${output.slice(2)}`;
}

function reprint(run: RunInput, source: string, active: Transform[], eligible: Transform[]): string {
  const { input, result, facts, notes, style, optionsOf } = run;
  const { parser, j } = toolsFor(input.path);
  let root: Collection<any>;
  try {
    // recast must read tabs at the width it prints them with, or reprinted lines get extra indentation.
    root = j(source, { tabWidth: style.tabWidth, useTabs: style.useTabs } as any);
  } catch (err) {
    throw syntaxError(err);
  }
  if (source.includes('`')) lockTemplateLines(j, root);
  // A directive is a string statement at the top of a program or function; most files have none.
  if (/(?:^|[{;]|\*\/)\s*(['"])(?:[^'"\\\n]|\\.)*\1\s*;/m.test(source)) fixDirectiveLocations(j, root, source);
  resetInsertions();
  resetBuiltCode();
  // Which transform built each piece of code, and how much code existed when each transform last ran
  // (so also which transforms ran).
  const builder: Transform[] = [];
  const seenUpTo = new Map<Transform, number>();
  const applyOne = (t: Transform) => {
    const ctx = { ...makeContext(input, t, optionsOf(t), result, facts), j, source, style };
    try {
      t.ast!.apply(root, ctx);
    } catch (err: any) {
      throw new FileError(`transform ${t.name} failed: ${err?.message ?? err}; the file was left unchanged`);
    }
    const pieces = builtPieces();
    for (let i = builder.length; i < pieces.length; i++) builder[i] = t;
    seenUpTo.set(t, pieces.length);
  };
  active.forEach(applyOne);
  // Code one transform wrote can be work for another: graceful-shutdown's handler logs through
  // console, and console-to-logger then has calls to rewrite. One that turned the file away runs now,
  // on the same tree, which spares a second parse and print. One that already ran before that code
  // existed runs again over the printed result (see transformFile), as a second run would.
  for (let round = 0; round <= eligible.length; round++) {
    const pieces = builtPieces();
    const due = eligible.filter((t) => {
      const from = seenUpTo.get(t) ?? 0;
      const fresh = pieces.slice(from).filter((_, i) => builder[from + i] !== t);
      return fresh.length > 0 && t.ast!.prefilter(fresh.join('\n'), optionsOf(t));
    });
    if (due.length === 0) break;
    for (const t of due) {
      if (seenUpTo.has(t)) {
        if (!notes.again.includes(t.name)) notes.again.push(t.name);
        seenUpTo.set(t, pieces.length);
        continue;
      }
      // What its scan recorded describes the file before the others' changes; apply records afresh.
      delete result.records[t.name];
      applyOne(t);
    }
  }
  notes.applied.push(...[...seenUpTo.keys()].map((t) => t.name));
  if (![...seenUpTo.keys()].some((t) => result.changes[t.name])) return source;
  const inserted = detachInsertions(j, root, source, style);
  shareUnchanged(root.get().node);
  let output = root.toSource({
    quote: style.quote,
    tabWidth: style.tabWidth,
    useTabs: style.useTabs,
    trailingComma: style.trailingComma,
    lineTerminator: '\n',
    wrapColumn: 100,
  } as any);
  output = attachInsertions(output, inserted);
  if (!style.semicolons) output = restoreNoSemicolonStyle(source, output);
  let reparsed: any;
  try {
    reparsed = parser.check(output);
  } catch (err) {
    const names = active.map((t) => t.name).join(', ');
    throw new FileError(`the result of ${names} does not parse (${describeSyntaxError(err)}); the file was left unchanged, please report this`);
  }
  const moved = reindentedTemplate(source, reparsed);
  if (moved) {
    const names = active.map((t) => t.name).join(', ');
    throw new FileError(`${names} would re-indent the multi-line template literal at line ${moved} and so change its text; the file was left unchanged, please report this`);
  }
  return output;
}

function applyText(input: FileInput, source: string, transforms: Transform[], optionsByName: Record<string, Options>, result: FileResult, facts: Record<string, unknown>): string {
  let text = source;
  for (const t of transforms) {
    if (!t.text) continue;
    const options = optionsByName[t.name] ?? {};
    if (!t.text.claims(input.relPath, options)) continue;
    if (t.text.prefilter && !t.text.prefilter(text, options)) continue;
    try {
      text = t.text.apply(text, makeContext(input, t, options, result, facts));
    } catch (err: any) {
      throw new FileError(`transform ${t.name} failed: ${err?.message ?? err}; the file was left unchanged`);
    }
  }
  return text;
}

class FileError extends Error {}

// jscodeshift.withParser builds a new API object each call; one per kind of file is enough.
const tools = new Map<string, { parser: FileParser; j: JSCodeshift }>();
function toolsFor(file: string) {
  const key = path.extname(file).toLowerCase();
  let entry = tools.get(key);
  if (!entry) {
    const parser = parserFor(file);
    entry = { parser, j: jscodeshift.withParser(parser) };
    tools.set(key, entry);
  }
  return entry;
}

const stripIndent = (text: string) => text.replace(/\n[ \t]+/g, '\n');

/**
 * The line of a multi-line template literal whose text the rewrite changed only by indentation
 * (recast re-indents moved multi-line nodes), or 0. Templates whose words changed were edited on
 * purpose and pass.
 */
function reindentedTemplate(source: string, ast: any): number {
  let found = 0;
  const normalizedSource = stripIndent(source);
  const visit = (node: any): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node.type === 'TemplateElement') {
      const raw: string = node.value.raw;
      if (raw.includes('\n') && !source.includes(raw) && normalizedSource.includes(stripIndent(raw))) found = node.loc?.start.line ?? 1;
      return;
    }
    for (const key in node) {
      if (key !== 'loc' && key !== 'tokens' && key !== 'comments' && key !== 'leadingComments' && key !== 'trailingComments' && key !== 'extra') visit(node[key]);
    }
  };
  if (source.includes('`')) visit(ast.program);
  return found;
}

/**
 * Babel's Directive location includes the `;`, and recast adds one when it reprints a program or
 * block whose statements changed (`'use strict';;`); ending the location before the `;` avoids that.
 */
function fixDirectiveLocations(j: any, root: Collection<any>, source: string): void {
  root.find(j.Directive).forEach((p: any) => {
    const d = p.node;
    if (typeof d.end === 'number' && source[d.end - 1] === ';' && d.loc) {
      d.end -= 1;
      d.loc.end = { ...d.loc.end, column: d.loc.end.column - 1, index: (d.loc.end.index ?? d.end + 1) - 1 };
    }
  });
}

/** Whether any selected transform wants this file at all (by name and path): others are never read. */
export function wantsFile(relPath: string, transforms: Transform[], optionsByName: Record<string, Options>): boolean {
  if (isJsLike(relPath)) return transforms.some((t) => t.ast);
  return transforms.some((t) => t.text?.claims(relPath, optionsByName[t.name] ?? {}));
}

/**
 * Runs the selected transforms over one file's text: one parse, every transform on the same tree in
 * order, one print, and a second parse of the result. Line endings and a BOM are kept.
 */
export function transformFile(input: FileInput, transforms: Transform[], optionsByName: Record<string, Options>): FileResult {
  const sup = parseSuppressions(input.source);
  if (!sup) return transformAll(input, transforms, optionsByName);
  const counts: Record<string, number> = {};
  const count = (name: string, n = 1) => (counts[name] = (counts[name] ?? 0) + n);
  const away = fileSuppressed(sup, transforms);
  for (const t of away) {
    const wanted = t.ast ? isJsLike(input.path) && t.ast.prefilter(input.source, optionsByName[t.name] ?? {}) : !!t.text?.claims(input.relPath, optionsByName[t.name] ?? {});
    if (wanted) count(t.name);
  }
  let result = transformAll(input, transforms.filter((t) => !away.includes(t)), optionsByName);
  if (result.status === 'changed' && sup.lines.size > 0) {
    // A kept-out change of a transform whose changes only work together keeps out all of them.
    const probe = honourLineSuppressions(input.path, input.source, result.output!, result.changes, sup);
    const whole = transforms.filter((t) => t.editsTogether && probe.counts[t.name]);
    if (whole.length) {
      whole.forEach((t) => count(t.name, probe.counts[t.name]));
      result = transformAll(input, transforms.filter((t) => !away.includes(t) && !whole.includes(t)), optionsByName);
    }
  }
  result.manual = result.manual.filter((m) => {
    const hit = covers(sup.lines.get(m.line), m.transform);
    if (hit) count(m.transform);
    return !hit;
  });
  if (result.status === 'changed' && sup.lines.size > 0) {
    const kept = honourLineSuppressions(input.path, input.source, result.output!, result.changes, sup);
    for (const [name, n] of Object.entries(kept.counts)) count(name, n);
    if (kept.error) Object.assign(result, { status: 'error', error: kept.error, output: undefined, changes: {} });
    else if (kept.output === input.source) Object.assign(result, { status: 'unchanged', output: undefined, changes: {} });
    else Object.assign(result, { output: kept.output, changes: kept.changes });
  }
  if (Object.keys(counts).length) result.suppressed = counts;
  return result;
}

function transformAll(input: FileInput, transforms: Transform[], optionsByName: Record<string, Options>): FileResult {
  const notes: PassNotes = { applied: [], again: [], clashed: [] };
  const first = transformOnce(input, transforms, optionsByName, notes);
  if (first.status !== 'changed' || !isJsLike(input.path)) return first;
  // A transform whose prefilter turned the file away may have work in what the others wrote
  // (graceful-shutdown's handler logs through console; console-to-logger then has calls to
  // rewrite). Running those once more on the result keeps one run equal to running twice.
  const wanted = (t: Transform, text: string) => !!t.ast && t.ast.prefilter(text, optionsByName[t.name] ?? {});
  const late = transforms.filter(
    (t) => notes.again.includes(t.name) || (!notes.applied.includes(t.name) && !wanted(t, input.source) && wanted(t, first.output!)),
  );
  if (late.length === 0) return first;
  const again: PassNotes = { applied: [], again: [], clashed: [] };
  const second = transformOnce({ ...input, source: first.output! }, late, optionsByName, again);
  if (second.status === 'error') return { ...first, status: 'error', error: second.error, output: undefined, changes: {}, records: {} };
  if (again.clashed.length) {
    const error = `the edits of ${again.clashed.join(', ')} overlap another transform's even on its result; the file was left unchanged, please report this`;
    return { ...first, status: 'error', error, output: undefined, changes: {}, records: {} };
  }
  if (second.status !== 'changed') return first;
  const changes = { ...first.changes };
  for (const [name, n] of Object.entries(second.changes)) changes[name] = (changes[name] ?? 0) + n;
  // The late transforms' records and manual items describe the final text; their first-pass ones
  // (from scan, or from an apply the second one repeats) are stale.
  const records = { ...first.records };
  for (const t of late) delete records[t.name];
  Object.assign(records, second.records);
  const redactions = [...(first.redactions ?? []), ...(second.redactions ?? [])];
  return { ...first, output: second.output, changes, records, manual: [...first.manual.filter((m) => !notes.again.includes(m.transform)), ...second.manual], ...(redactions.length ? { redactions } : {}) };
}

function transformOnce(input: FileInput, transforms: Transform[], optionsByName: Record<string, Options>, notes: PassNotes): FileResult {
  const result: FileResult = { path: input.path, relPath: input.relPath, status: 'unchanged', changes: {}, manual: [], records: {} };
  let source = input.source;
  const hasBom = source.startsWith(BOM);
  if (hasBom) source = source.slice(1);
  const eol = lineEndingsOf(source);
  if (eol === 'crlf') source = source.replace(/\r\n/g, '\n');
  const facts: Record<string, unknown> = {};
  const jsLike = isJsLike(input.path);
  let output: string;
  try {
    output = jsLike
      ? applyAst(input, source, transforms, optionsByName, result, facts, notes)
      : applyText(input, source, transforms, optionsByName, result, facts);
  } catch (err: any) {
    if (!(err instanceof FileError)) throw err;
    return { ...result, status: 'error', error: err.message, changes: {}, records: {} };
  }
  if (output === source) {
    result.changes = {};
    return result;
  }
  if (eol === 'crlf') output = output.replace(/\r?\n/g, '\r\n');
  if (hasBom) output = BOM + output;
  result.status = 'changed';
  result.output = output;
  return result;
}

