import type { Collection, JSCodeshift } from 'jscodeshift';
import type { CodeStyle } from './ast/style';
import type { SourceEdits } from './engine/edits';
import type { FileRole, FleetModel, ServiceModel } from './fleet/types';

/** One option of a transform, as documented by `shipshape describe` and checked when the config loads. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'string[]' | 'record' | 'string|false' | 'object';
  description: string;
  default?: unknown;
  /** Allowed values, for string options. */
  enum?: readonly string[];
  /** Extra check after the type check; returns an error message or null. */
  validate?(value: unknown): string | null;
}

export type Options = Record<string, any>;

/** A place a transform found but will not rewrite safely: the reviewer must look at it. */
export interface ManualItem {
  transform: string;
  line: number;
  message: string;
}

/** What every transform sees of the file it is working on. */
export interface FileContext {
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the cwd, with `/`, as reports show it. */
  relPath: string;
  /** Folder relative option paths resolve from: the config file's folder, else the cwd. */
  root: string;
  /** This transform's options, defaults filled in and validated. */
  options: Options;
  /** Counts `n` (default 1) rewrites of this transform in this file. */
  changed(n?: number): void;
  /** Reports a manual-review item at `line` (1-based; 0 when the whole file is meant). */
  manual(line: number, message: string): void;
  /**
   * Data for the transform's own `finalize` step (serialisable: it may cross a worker boundary),
   * e.g. the health routes a file serves.
   */
  record(data: unknown): void;
  /**
   * Facts shared between the transforms of one file in one run, e.g. console-to-logger sets
   * `facts.logger` to the local name of the logger it imported so graceful-shutdown can use it.
   */
  facts: Record<string, unknown>;
  /**
   * Marks a value (a secret found in the file) that diffs, reports and logs must never show beyond
   * its first 4 characters.
   */
  redact(value: string): void;
  /**
   * The file's service in the fleet model (its package, tsconfig, build context, entry points and
   * facts: apps, logger, correlation, signal handlers, resources). Undefined only when a transform
   * runs outside a shipshape run (a bare jscodeshift call, a single-file fixture).
   */
  service?: ServiceModel;
  /** The file's role in its service; undefined means no model (treated as runtime). */
  role?: FileRole;
}

export interface AstContext extends FileContext {
  j: JSCodeshift;
  /** The source as parsed (LF line endings, no BOM). */
  source: string;
  /** Quote, semicolon, indentation and trailing-comma habits of the file. */
  style: CodeStyle;
  /**
   * Where the transform describes its changes, as edits on `source`. The tree is babel's (positions
   * in `start`/`end`) and is only read: nothing prints it. README, "Edits, not reprints".
   */
  edit: SourceEdits;
}

export interface AstPart {
  /**
   * The roles of files this transform may change (default: every role but `generated` and
   * `browser`). Files of other roles are never rewritten; --verbose lists them with their role.
   */
  roles?: readonly FileRole[];
  /**
   * Cheap text test: false means the file cannot contain anything this transform rewrites,
   * so it is not parsed for it.
   */
  prefilter(source: string, options: Options): boolean;
  /**
   * Files this transform never touches by path (tests, browser code, the logger module itself).
   * Returns the reason, or null to go on. `file` is what the fleet model says of the file, when
   * there is a model (a path rule may not hold for it: `bin/www` is the service's start).
   */
  exclude?(relPath: string, absPath: string, options: Options, root: string, file?: { service?: ServiceModel; role?: FileRole }): string | null;
  /**
   * Every transform describes its changes as edits on the original text (ctx.edit); the flag is
   * kept so transform modules that declare it go on type-checking, and changes nothing.
   */
  edits?: boolean;
  /**
   * Records the changes as edits on ctx.edit (the tree is only read); counts changes with
   * ctx.changed and reports ctx.manual items.
   */
  apply(root: Collection<any>, ctx: AstContext): void;
  /**
   * For a file the prefilter turned away: a text-only look that may ctx.record data for finalize
   * (a census of route paths), so run-level checks see every file without parsing it.
   */
  scan?(source: string, ctx: FileContext): void;
}

export interface TextPart {
  /** Whether this transform handles a non-JS file at all, by its path relative to the root. */
  claims(relPath: string, options: Options): boolean;
  prefilter?(source: string, options: Options): boolean;
  /** Returns the new text (the same string when nothing changes). */
  apply(source: string, ctx: FileContext): string;
}

export interface FileRecord {
  relPath: string;
  path: string;
  data: unknown;
}

export interface PathManualItem extends ManualItem {
  path: string;
}

export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  content: string;
  /** The transform that creates it (set by the runner). */
  by?: string;
}

export interface PrepareContext {
  cwd: string;
  root: string;
  /** Absolute paths of the JS/TS files this run will consider. */
  files: string[];
  options: Options;
  /** Reads a file as UTF-8 (cached by the runner). */
  read(path: string): string;
  /** The service this prepare call is for (prepare runs once per service). */
  service?: ServiceModel;
  /** The whole fleet. */
  fleet?: FleetModel;
  /** Names of the transforms this run applies (a transform may build on another's output). */
  transforms?: string[];
  /**
   * In `generate`: the files other transforms create in this service in this run, so far (those
   * named in `generateAfter` have run). A module may build on one (the logger scaffold reads the
   * correlation ID from the correlation-id module created beside it).
   */
  created?: readonly GeneratedFile[];
}

export interface Transform {
  name: string;
  /**
   * The transform's changes in one file only work together (a /ready route and the call at listen
   * that marks startup): a shipshape-ignore-next-line that keeps one of them out keeps out all of
   * them in that file. Default: each change stands alone (one console call rewritten, another kept).
   */
  editsTogether?: boolean;
  /** One line for `shipshape list`: what it fixes. */
  summary: string;
  options: Record<string, OptionSpec>;
  ast?: AstPart;
  text?: TextPart;
  /**
   * Once per run, before files are processed, in the main process: may fill in options that depend
   * on the whole run (e.g. the logger import most files already use). Throws UsageError when the
   * run cannot go on.
   */
  prepare?(ctx: PrepareContext): Options | Promise<Options>;
  /**
   * Once per run, after prepare: new files the transform creates (a scaffolded middleware module).
   * Files that already exist are never overwritten; the runner shows new files in the diff and
   * writes them with --write.
   */
  generate?(ctx: PrepareContext): GeneratedFile[];
  /**
   * Transforms whose `generate` runs before this one's in each service, whatever the order of the
   * run's transforms, because this one reads what they create (`ctx.created`).
   */
  generateAfter?: readonly string[];
  /** Once per run, after every file: run-level checks such as probes without a route. */
  finalize?(records: FileRecord[], options: Options, fleet?: FleetModel): PathManualItem[];
}

/** An error the user can fix: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
