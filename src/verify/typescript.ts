import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { noteRealpath } from './disk-trace';

export type TypeScript = typeof TS;

export interface LoadedTypeScript {
  ts: TypeScript;
  version: string;
  /** `service` when the service's own installed compiler is used. */
  from: 'service' | 'shipshape';
}

const loaded = new Map<string, LoadedTypeScript>();

/**
 * The service's installed TypeScript compiler when it has one (its diagnostics are the ones its
 * build reports), else shipshape's own. Resolving `typescript` from the service folder loads the
 * compiler package, never the service's code.
 */
export function loadTypeScript(serviceDir: string): LoadedTypeScript {
  const own = require.resolve('typescript');
  const chosen = compilerFileOf(serviceDir);
  let hit = loaded.get(chosen);
  if (!hit) {
    let ts: TypeScript | undefined;
    try {
      ts = require(chosen);
    } catch {
      ts = undefined;
    }
    // A `typescript` without the compiler API (TypeScript 7's native package, or a stub that some
    // dependency hoisted) cannot check anything: shipshape's own compiler does.
    const usable = !!ts && typeof ts.createProgram === 'function' && !!ts.ModuleKind && !!ts.ScriptTarget;
    if (!usable) ts = require(own) as TypeScript;
    traceRealpaths(ts!);
    hit = { ts: ts!, version: ts!.version, from: usable && chosen !== own ? 'service' : 'shipshape' };
    loaded.set(chosen, hit);
  }
  return hit;
}

function compilerFileOf(serviceDir: string): string {
  try {
    return require.resolve('typescript', { paths: [serviceDir] });
  } catch {
    return require.resolve('typescript');
  }
}

/**
 * Which compiler `loadTypeScript` would use for a service, without loading it: its file with that
 * file's size and time and the package's version. Cached verification results are keyed by it.
 */
export function typescriptIdentity(serviceDir: string): string {
  const file = compilerFileOf(serviceDir);
  try {
    const st = fs.statSync(file);
    const version = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8')).version;
    return `${file} ${st.size} ${st.mtimeMs} ${version}`;
  } catch {
    return file;
  }
}

/**
 * TypeScript's `sys.realpath` holds on to `fs.realpathSync.native` from its load, out of reach of
 * the disk trace: it reports what it resolves (symlinked workspaces resolve through it).
 */
function traceRealpaths(ts: TypeScript): void {
  const sys = ts.sys as TS.System & { shipshapeTraced?: boolean };
  if (!sys?.realpath || sys.shipshapeTraced) return;
  const realpath = sys.realpath.bind(sys);
  sys.realpath = (p: string) => {
    const out = realpath(p);
    noteRealpath(p, out, true);
    return out;
  };
  sys.shipshapeTraced = true;
}

/** Whether a node_modules folder is there for the service (at its folder or above, as Node looks). */
export function hasNodeModules(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

export interface ParsedProject {
  options: TS.CompilerOptions;
  fileNames: string[];
  /** Config problems (parse errors, a missing `extends`), as text. */
  errors: string[];
}

/** The tsconfig as the service's build reads it; with none, TypeScript's defaults over the files at hand. */
export function parseProject(ts: TypeScript, tsconfig: string | undefined, files: string[]): ParsedProject {
  const defaults: TS.CompilerOptions = { noEmit: true, skipLibCheck: true, esModuleInterop: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 };
  if (!tsconfig) return { options: defaults, fileNames: files, errors: [] };
  const errors: string[] = [];
  const host: TS.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => errors.push(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, { noEmit: true }, host);
  if (!parsed) return { options: defaults, fileNames: files, errors };
  // TS18003 (no inputs) is about the include globs, not something a change can fix.
  for (const d of parsed.errors) if (d.code !== 18003) errors.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { options: { ...parsed.options, noEmit: true }, fileNames: parsed.fileNames, errors };
}

/**
 * Declaration files (TypeScript's libs, @types) parsed once per process: every service and every
 * program of a run reads the same ones, and they are most of a program's parse time. Shared per
 * compiler *instance*, never by version: a tree carries the node and symbol ids its compiler's
 * counters gave it, and another copy of TypeScript (each service loads its own, often the same
 * version) counts from 1 again, so its checker mixes up the links of different nodes (ticketing:
 * `Property 'on' does not exist on type 'Stan'` after an unrelated change, in every service after
 * the first that read the shared `common` package's typings).
 */
const declarations = new WeakMap<TypeScript, Map<string, { text: string; file: TS.SourceFile }>>();

function declarationsOf(ts: TypeScript): Map<string, { text: string; file: TS.SourceFile }> {
  let cache = declarations.get(ts);
  if (!cache) declarations.set(ts, (cache = new Map()));
  return cache;
}

/** A program view: file texts that differ from the disk (new files included). */
export type Overlay = ReadonlyMap<string, string>;

/**
 * Builds programs over one project where some files have other texts than on disk. Source files
 * are cached by text, so the programs before and after a change (and each re-check) share every
 * file the change did not touch, and `oldProgram` reuse keeps module resolution.
 */
export class ProjectHost {
  private readonly sources = new Map<string, { text: string; file: TS.SourceFile }>();
  private readonly base: TS.CompilerHost;
  private last: TS.Program | undefined;
  private overlay: Overlay = new Map();
  /** The root files of every program: see `focus`. All project files until it is called. */
  private roots: string[];

  constructor(
    private readonly ts: TypeScript,
    readonly project: ParsedProject,
  ) {
    this.base = ts.createCompilerHost(project.options, true);
    this.roots = project.fileNames;
  }

  /**
   * Programs rooted at `files` (the ones whose diagnostics are compared) and at every project file
   * that can change what they see without being imported: declaration files, scripts (no import or
   * export: their declarations are global) and modules that declare `global` or a module. The rest
   * of the project enters only through imports, so files no checked file reaches are neither parsed
   * nor bound; the diagnostics of the checked files are the same as over the whole project.
   */
  focus(files: string[]): void {
    const ambient = this.project.fileNames.filter((f) => {
      if (/\.d\.[cm]?ts$/.test(f)) return true;
      const text = this.base.readFile(f);
      if (text === undefined) return true;
      return !/\b(?:import|export)\b/.test(text) || /\bdeclare\s+(?:global|module)\b/.test(text);
    });
    this.roots = [...new Set([...ambient, ...files])];
  }

  /** Module resolution as the last program saw the files (created ones included). */
  get moduleHost(): TS.ModuleResolutionHost {
    const { base, overlay } = this;
    return {
      fileExists: (f) => overlay.has(path.resolve(f)) || base.fileExists(f),
      readFile: (f) => overlay.get(path.resolve(f)) ?? base.readFile(f),
      directoryExists: (d) => base.directoryExists!(d) || [...overlay.keys()].some((f) => f.startsWith(path.resolve(d) + path.sep)),
      realpath: base.realpath,
      getCurrentDirectory: () => base.getCurrentDirectory(),
    };
  }

  program(overlay: Overlay, extraRoots: string[] = []): TS.Program {
    const { ts, base } = this;
    this.overlay = overlay;
    const read = (f: string) => overlay.get(path.resolve(f)) ?? base.readFile(f);
    const host: TS.CompilerHost = {
      ...base,
      fileExists: (f) => overlay.has(path.resolve(f)) || base.fileExists(f),
      // A created module's folder may not exist yet: resolution looks into it only if it says so.
      directoryExists: (d) => base.directoryExists!(d) || [...overlay.keys()].some((f) => f.startsWith(path.resolve(d) + path.sep)),
      readFile: read,
      getSourceFile: (fileName, languageVersion) => {
        const text = read(fileName);
        if (text === undefined) return undefined;
        const shared = fileName.endsWith('.d.ts');
        const key = shared ? `${JSON.stringify(languageVersion)}:${fileName}` : fileName;
        const cache = shared ? declarationsOf(ts) : this.sources;
        const hit = cache.get(key);
        if (hit && hit.text === text) return hit.file;
        const file = ts.createSourceFile(fileName, text, languageVersion, true);
        cache.set(key, { text, file });
        return file;
      },
    };
    const roots = [...new Set([...this.roots, ...extraRoots])];
    this.last = ts.createProgram({ rootNames: roots, options: this.project.options, host, oldProgram: this.last });
    return this.last;
  }
}
