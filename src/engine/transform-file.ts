import path from 'node:path';
import jscodeshift from 'jscodeshift';
import type { JSCodeshift } from 'jscodeshift';
import { detectStyle, type CodeStyle } from '../ast/style';
import type { FileContext, ManualItem, Options, Transform } from '../types';
import { acceptsRole } from '../fleet/roles';
import type { FileRole, ServiceModel } from '../fleet/types';
import { isJsLike, parserFor, type FileParser } from './parser';
import { isCodeFile } from '../fleet/scripts';
import { covers, fileSuppressed, honourLineSuppressions, parseSuppressions } from './suppressions';
import { applyEdits, overlaps, SourceEdits, type Edit } from './edits';
import { readOnlyTree } from '../ast/apps';
import { sharedTree } from './shared-trees';
import '../ast/fast-find';
import '../ast/catch-scope';

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
    (t) => t.ast && acceptsRole(t.ast.roles, input.role) && !t.ast.exclude?.(input.relPath, input.path, optionsOf(t), input.root, input),
  );
  const active = eligible.filter((t) => {
    if (t.ast!.prefilter(source, optionsOf(t))) return true;
    t.ast!.scan?.(source, makeContext(input, t, optionsOf(t), result, facts));
    return false;
  });
  if (active.length === 0) return source;
  const style: CodeStyle = detectStyle(source);
  return applyEditPass({ input, result, facts, notes, style, optionsOf, eligible }, source, active);
}

/**
 * Code one transform wrote can be work for another that already read the text without it
 * (graceful-shutdown's handler logs through console; console-to-logger then has calls to rewrite):
 * that one runs again on the result, as a second run would. `fresh` gives the code written by others
 * than the transform asked about.
 */
function noteLateWork(run: RunInput, fresh: (t: Transform) => string[]): void {
  const { notes, eligible, optionsOf } = run;
  for (const t of eligible.filter((t) => notes.applied.includes(t.name) && !notes.again.includes(t.name))) {
    const code = fresh(t);
    if (code.length > 0 && t.ast!.prefilter(code.join('\n'), optionsOf(t))) notes.again.push(t.name);
  }
}

/** What the transforms of one pass share. */
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
 * One babel parse without tokens, every transform reads the same tree and records edits on the
 * text, and the edits are spliced in: nothing is reprinted. When two transforms' edits overlap, the
 * later transform's edits win; the earlier transform's edits in this file are dropped and it runs
 * again on the result (transformFile's second pass), as if it had run after the other.
 */
function applyEditPass(run: RunInput, source: string, active: Transform[]): string {
  const { input, result, facts, notes, style, optionsOf } = run;
  const { parser, j } = toolsFor(input.path);
  let ast: any;
  try {
    ast = sharedTree(input.path, source) ?? parser.light(source);
  } catch (err) {
    throw syntaxError(err);
  }
  // No transform changes the tree, so the binding index moduleBindings builds serves every one of them.
  const root = readOnlyTree(j(ast), source);
  const edits: Edit[] = [];
  for (const t of active) {
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
    clashes = overlaps(edits, active.map((t) => t.name));
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
  // Every transform read the tree without the others' new code.
  noteLateWork(run, (t) => kept.filter((e) => e.transform !== t.name && e.text).map((e) => e.text));
  try {
    parser.check(output);
  } catch (err) {
    throw new FileError(`the result of ${active.map((t) => t.name).join(', ')} does not parse (${describeSyntaxError(err)}); the file was left unchanged, please report this`);
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

/** Whether any selected transform wants this file at all (by name and path): others are never read. */
export function wantsFile(relPath: string, transforms: Transform[], optionsByName: Record<string, Options>): boolean {
  if (isJsLike(relPath)) return transforms.some((t) => t.ast);
  return transforms.some((t) => t.text?.claims(relPath, optionsByName[t.name] ?? {}));
}

/**
 * Runs the selected transforms over one file's text: one parse, every transform reads the same tree
 * in order and records edits, the edits are spliced into the text, and the result is parsed again.
 * Line endings and a BOM are kept.
 */
export function transformFile(input: FileInput, transforms: Transform[], optionsByName: Record<string, Options>): FileResult {
  const sup = parseSuppressions(input.source);
  if (!sup) return transformAll(input, transforms, optionsByName);
  const counts: Record<string, number> = {};
  const count = (name: string, n = 1) => (counts[name] = (counts[name] ?? 0) + n);
  const away = fileSuppressed(sup, transforms);
  for (const t of away) {
    const wanted = t.ast ? isCodeFile(input.path, input.service) && t.ast.prefilter(input.source, optionsByName[t.name] ?? {}) : !!t.text?.claims(input.relPath, optionsByName[t.name] ?? {});
    if (wanted) count(t.name);
  }
  let result = transformAll(input, transforms.filter((t) => !away.includes(t)), optionsByName);
  if (result.status === 'changed' && sup.lines.size > 0) {
    // A kept-out change of a transform whose changes only work together keeps out all of them.
    const probe = honourLineSuppressions(input.path, input.source, result.output!, result.changes, sup, isCodeFile(input.path, input.service));
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
    const kept = honourLineSuppressions(input.path, input.source, result.output!, result.changes, sup, isCodeFile(input.path, input.service));
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
  if (first.status !== 'changed' || !isCodeFile(input.path, input.service)) return first;
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
  const jsLike = isCodeFile(input.path, input.service);
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

