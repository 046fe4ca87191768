import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { moduleStem } from '../ast/modules';
import { isTypeScript } from '../engine/parser';
import { isBuiltin } from './module-check';
import { findInstalled, packageName } from './packages';
import { untypedOrigin } from './untyped-origin';
import { ProjectHost, hasNodeModules, loadTypeScript, parseProject, type LoadedTypeScript, type Overlay, type TypeScript } from './typescript';

/** A diagnostic as verification compares it: by file, code and text, never by line (lines move). */
export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  text: string;
  /** The module an implicitly `any` callback parameter owes that to (see `untypedOrigin`). */
  untypedFrom?: string;
}

// Also the timers and console: with a `lib` without DOM (bulletproof-nodejs, ddd-forum: "es2017"), only @types/node declares them.
const NODE_GLOBALS = new Set(['NodeJS', 'process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'console']);
/** "Module 'x' has no exported member 'y'" (and its did-you-mean forms): about what a module exports. */
const NO_EXPORTED_MEMBER = new Set([2305, 2614, 2724]);

/** Codes that mean the program could not see all of itself: the check is partial, not a pass. */
const UNRESOLVED = new Set([2307, 2792, 2688, 7016, 2875]);

const UNCOMPARED = 'not compared with the original texts, ';

/** TS2339 on a Node timer method of the DOM lib's numeric timer id. */
const TIMER_METHOD = /^Property '(?:unref|ref|hasRef|refresh)' does not exist on type 'number'/;

export interface TypeCheckFacts {
  typescript: string;
  tsconfig?: string;
  /** Files whose diagnostics were compared (changed, created and their importers). */
  files: number;
  before: number;
  after: number;
  /** Diagnostics the changes would have added (each withheld its change). `before`/`after` count only files with diagnostics after. */
  added: number;
  /** How far it went: `full`, or `partial` with why. */
  extent: 'full' | 'partial';
  partial: string[];
  /** Programs built with changes (the one over the original texts not counted). */
  programs: number;
  /** Whether the program over the original texts was built. */
  beforeProgram: boolean;
  /** Files (and their diagnostics after the change) left out of `before`/`after`: every diagnostic is of a package or Node type not installed, never new, so before was not computed. */
  uncompared: { files: number; diagnostics: number };
}

function keyOf(d: Diagnostic): string {
  return `${d.file}\0${d.code}\0${d.text}`;
}

/**
 * Type-checks one TypeScript project before and after a change, in memory: the program over the
 * original texts is built once; every `check(overlay)` builds the program with the new texts
 * (reusing every unchanged file) and returns the diagnostics that were not there before.
 */
export class TypeCheck {
  private readonly host: ProjectHost;
  private readonly checked: string[];
  private readonly importersOf = new Map<string, Set<string>>();
  readonly facts: TypeCheckFacts;
  private readonly ts: TypeScript;
  private before_: TS.Program | undefined;
  /** Before-diagnostics of each checked file, computed only for files that have diagnostics after. */
  private readonly beforeByFile = new Map<string, Diagnostic[]>();
  private readonly partialBase: string[];
  /** What the last check found per file: diagnostics before and after (files without any after are 0/0). */
  private readonly counts = new Map<string, { before: number; after: number }>();
  private last: TS.Program | undefined;
  private importsOf: Map<string, Set<string>> | undefined;
  private readonly installedCache = new Map<string, boolean>();
  /** Files with diagnostics after the change that were not compared with before (see `check`), and how many they have. */
  private readonly uncompared = new Map<string, number>();

  /**
   * @param changed files whose text may change (absolute)
   * @param created files that do not exist yet (absolute)
   */
  constructor(
    serviceDir: string,
    tsconfig: string | undefined,
    candidates: string[],
    private readonly created: string[],
  ) {
    const loaded: LoadedTypeScript = loadTypeScript(serviceDir);
    this.ts = loaded.ts;
    const project = parseProject(this.ts, tsconfig, candidates.filter(isTypeScript));
    // JavaScript files are type-checked only where the service asks for it (checkJs).
    const changed = candidates.filter((f) => isTypeScript(f) || project.options.checkJs);
    this.host = new ProjectHost(this.ts, project);
    const inProject = new Set(project.fileNames.map((f) => path.resolve(f)));
    const partial: string[] = [...project.errors.map((e) => `tsconfig: ${e}`)];
    if (!tsconfig) partial.push("no tsconfig.json: checked with TypeScript's default options");
    if (!hasNodeModules(serviceDir)) partial.push('no node_modules: packages are not installed');
    const outside = changed.filter((f) => !inProject.has(f));
    if (outside.length) partial.push(`${outside.length} changed file${outside.length === 1 ? ' is' : 's are'} not in the tsconfig's files`);
    const mine = changed.filter((f) => inProject.has(f));
    this.findImporters(project.fileNames, project.options, mine);
    const importers = [...new Set([...this.importersOf.values()].flatMap((s) => [...s]))].filter((f) => !mine.includes(f));
    this.checked = [...mine, ...importers];
    this.host.focus(this.checked);

    this.facts = {
      typescript: `${loaded.version} (${loaded.from === 'service' ? "the service's" : "shipshape's"})`,
      tsconfig,
      files: this.checked.length + created.length,
      before: 0,
      after: 0,
      added: 0,
      extent: partial.length ? 'partial' : 'full',
      partial,
      programs: 0,
      beforeProgram: false,
      uncompared: { files: 0, diagnostics: 0 },
    };
    this.partialBase = partial;
  }

  /** The files that import each changed file, from a scan of every project file that names it. */
  private findImporters(fileNames: string[], options: TS.CompilerOptions, changed: string[]): void {
    const ts = this.ts;
    if (!changed.length) return;
    const stems = [...new Set(changed.map(moduleStem))];
    const cache = ts.createModuleResolutionCache(process.cwd(), (s) => s, options);
    const targets = new Set(changed);
    for (const file of fileNames) {
      const abs = path.resolve(file);
      if (abs.endsWith('.d.ts') || targets.has(abs)) continue;
      let text: string;
      try {
        text = fs.readFileSync(abs, 'utf8');
      } catch {
        continue;
      }
      if (!stems.some((s) => text.includes(s))) continue;
      for (const target of this.importTargets(text, abs, ts.sys, cache)) {
        if (targets.has(target)) {
          const set = this.importersOf.get(target) ?? new Set();
          set.add(abs);
          this.importersOf.set(target, set);
        }
      }
    }
  }

  /** The files a module's imports resolve to (absolute), as the project's compiler options resolve them. */
  private importTargets(text: string, file: string, host: TS.ModuleResolutionHost, cache: TS.ModuleResolutionCache): string[] {
    const ts = this.ts;
    const options = this.host.project.options;
    const out: string[] = [];
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, file, options, host, cache).resolvedModule?.resolvedFileName;
      if (resolved) out.push(path.resolve(resolved));
    }
    return out;
  }

  /** Unchanged files that import `file`. */
  importers(file: string): string[] {
    return [...(this.importersOf.get(file) ?? [])];
  }

  private diagnose(program: TS.Program, files: string[]): Diagnostic[] {
    const ts = this.ts;
    const out: Diagnostic[] = [];
    for (const f of files) {
      const sf = program.getSourceFile(f);
      if (!sf) continue;
      let found: readonly TS.Diagnostic[];
      try {
        found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
      } catch (err: any) {
        // The compiler itself can throw (seen: TypeScript 5 in mergeModuleAugmentation on a real
        // service). As a diagnostic it is compared like any other: there before the change too, the
        // change is not to blame; new after it, the change is withheld. Never a crash of the run.
        out.push({ file: f, line: 0, code: -1, text: `the TypeScript compiler (${ts.version}) failed while checking this file: ${String(err?.message ?? err)}` });
        continue;
      }
      for (const d of found) {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        const untypedFrom = untypedOrigin(ts, program, d);
        out.push({ file: d.file ? path.resolve(d.file.fileName) : f, line, code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, ' '), ...(untypedFrom ? { untypedFrom } : {}) });
      }
    }
    return out;
  }

  private beforeProgram(): TS.Program {
    this.before_ ??= this.host.program(new Map());
    this.facts.beforeProgram = true;
    return this.before_;
  }

  private beforeOf(file: string): Diagnostic[] {
    let list = this.beforeByFile.get(file);
    if (!list) {
      list = this.diagnose(this.beforeProgram(), [file]);
      this.beforeByFile.set(file, list);
    }
    return list;
  }

  /**
   * Diagnostics in the checked files with `overlay` (new texts, created files) that were not there
   * before. The program over the original texts is built only when a file has diagnostics after
   * the change: a clean file cannot have new ones.
   *
   * `only` limits the check to those files (a re-check after withholding: the files that import
   * what was withheld); every other file keeps what the last check found, and a file no longer in
   * the overlay is back to its original text, so it has its diagnostics from before. With an empty
   * `only` no program is built at all.
   */
  check(overlay: Overlay, only?: ReadonlySet<string>): Diagnostic[] {
    const created = this.created.filter((f) => overlay.has(f) && (isTypeScript(f) || this.host.project.options.checkJs));
    for (const f of this.checked) if (!overlay.has(f) && this.counts.has(f)) this.counts.set(f, { before: this.beforeByFile.get(f)?.length ?? 0, after: this.beforeByFile.get(f)?.length ?? 0 });
    // A withheld file is back to its original text, which was not diagnosed: nothing to count.
    for (const f of [...this.checked, ...this.created]) if (!overlay.has(f)) this.uncompared.delete(f);
    for (const f of this.created) if (!overlay.has(f)) this.counts.delete(f);
    const files = [...this.checked, ...created].filter((f) => !only || only.has(f));
    const fresh: Diagnostic[] = [];
    if (files.length) {
      const program = this.host.program(overlay, created);
      this.last = program;
      this.facts.programs++;
      let unresolved = 0;
      const byFile = new Map<string, Diagnostic[]>();
      for (const d of this.diagnose(program, files)) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      for (const f of files) {
        const now = byFile.get(f) ?? [];
        if (!now.length) {
          this.counts.set(f, { before: 0, after: 0 });
          continue;
        }
        // Diagnostics that are never counted as new (packages or Node types not installed) need
        // nothing to be compared with: the program over the original texts is not built for them.
        if (now.every((d) => this.missingPackage(d))) {
          this.counts.delete(f);
          this.uncompared.set(f, now.length);
          unresolved += now.length;
          continue;
        }
        this.uncompared.delete(f);
        const old = this.created.includes(f) ? [] : this.beforeOf(f);
        this.counts.set(f, { before: old.length, after: now.length });
        unresolved += old.filter((d) => UNRESOLVED.has(d.code)).length;
        const counts = new Map<string, number>();
        for (const d of old) counts.set(keyOf(d), (counts.get(keyOf(d)) ?? 0) + 1);
        for (const d of now) {
          const k = keyOf(d);
          const n = counts.get(k) ?? 0;
          if (n > 0) counts.set(k, n - 1);
          else if (!this.missingPackage(d)) fresh.push(d);
          else unresolved++;
        }
      }
      unresolved += [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()].filter((d) => UNRESOLVED.has(d.code)).length;
      if (unresolved > 0) {
        const n = unresolved;
        this.facts.partial = [...this.partialBase, `${n} unresolved module${n === 1 ? '' : 's'} or type librar${n === 1 ? 'y' : 'ies'}`];
        this.facts.extent = 'partial';
      }
    }
    const u = this.uncompared.size;
    this.facts.uncompared = { files: u, diagnostics: [...this.uncompared.values()].reduce((n, c) => n + c, 0) };
    if (u > 0) {
      this.facts.partial = [...this.facts.partial.filter((w) => !w.startsWith(UNCOMPARED)), `${UNCOMPARED}${u} file${u === 1 ? '' : 's'}: every diagnostic after the change is of a package or Node type that is not installed`];
      this.facts.extent = 'partial';
    }
    // Files clean after the change are not checked before it: their count is unknown and not needed.
    this.facts.before = [...this.counts.values()].reduce((n, c) => n + c.before, 0);
    this.facts.after = [...this.counts.values()].reduce((n, c) => n + c.after, 0);
    this.facts.added += fresh.length;
    return fresh;
  }

  /**
   * The checked and created files whose diagnostics can change when `files` change text: those
   * that import one of them, directly or through other such files, resolved as the last program
   * resolved them. A file that imports none of them sees the same types as before.
   */
  dependents(files: Iterable<string>): Set<string> {
    const ts = this.ts;
    const options = this.host.project.options;
    if (!this.importsOf) {
      this.importsOf = new Map();
      const cache = ts.createModuleResolutionCache(process.cwd(), (s) => s, options);
      for (const f of [...this.checked, ...this.created]) {
        const text = this.last?.getSourceFile(f)?.text;
        if (text === undefined) continue;
        this.importsOf.set(f, new Set(this.importTargets(text, f, this.host.moduleHost, cache)));
      }
    }
    const out = new Set<string>();
    const queue = [...files];
    while (queue.length) {
      const changed = queue.pop()!;
      for (const [f, targets] of this.importsOf) {
        if (!out.has(f) && targets.has(changed)) {
          out.add(f);
          queue.push(f);
        }
      }
    }
    return out;
  }

  /**
   * A new import of a package that is not installed cannot be type-checked: the module check
   * decides it (listed in the dependencies or not), and the type check says it was partial.
   */
  private missingPackage(d: Diagnostic): boolean {
    // Node's globals (NodeJS.Signals, process, Buffer) come from @types/node: without it they cannot be checked.
    const global = /^Cannot find (?:name|namespace) '([^']+)'/.exec(d.text)?.[1];
    if (global && NODE_GLOBALS.has(global)) return !this.installed('@types/node', d.file);
    // Without @types/node, `setTimeout` is the DOM lib's and returns a number, so Node's timer
    // methods (`setTimeout(...).unref()`) are missing only because the package is.
    if (d.code === 2339 && TIMER_METHOD.test(d.text)) return !this.installed('@types/node', d.file);
    // A callback passed to a call on a value of an uninstalled package has untyped parameters.
    if (d.untypedFrom) return isBuiltin(d.untypedFrom) ? !this.installed('@types/node', d.file) : this.notInstalled(d.untypedFrom, d.file);
    // An uninstalled package's exports are only known from what else declares the module (a
    // project's own `declare module 'express'` augmentation, seen on bulletproof-nodejs): not the package's.
    if (NO_EXPORTED_MEMBER.has(d.code)) {
      const from = /^Module '"?([^'"]+)"?'/.exec(d.text)?.[1];
      return !!from && this.notInstalled(from, d.file);
    }
    if (!UNRESOLVED.has(d.code)) return false;
    const name = /module '([^']+)'/.exec(d.text)?.[1];
    return !!name && this.notInstalled(name, d.file);
  }

  /** Whether a bare specifier's package and its typings are both missing for `file`. */
  private notInstalled(specifier: string, file: string): boolean {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return false;
    const pkg = packageName(specifier);
    return !this.installed(pkg, file) && !this.installed(`@types/${pkg.replace(/^@/, '').replace('/', '__')}`, file);
  }

  /** Whether `name` is installed for `file`, looked up once per folder (every diagnostic of a bare service asks). */
  private installed(name: string, file: string): boolean {
    const key = `${name}\0${path.dirname(file)}`;
    let hit = this.installedCache.get(key);
    if (hit === undefined) this.installedCache.set(key, (hit = !!findInstalled(name, path.dirname(file))));
    return hit;
  }
}
