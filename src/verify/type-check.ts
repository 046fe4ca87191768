import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { isTypeScript } from '../engine/parser';
import { ProjectHost, hasNodeModules, loadTypeScript, parseProject, type LoadedTypeScript, type Overlay, type TypeScript } from './typescript';

/** A diagnostic as verification compares it: by file, code and text, never by line (lines move). */
export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  text: string;
}

/** Codes that mean the program could not see all of itself: the check is partial, not a pass. */
const UNRESOLVED = new Set([2307, 2792, 2688, 7016, 2875]);

export interface TypeCheckFacts {
  typescript: string;
  tsconfig?: string;
  /** Files whose diagnostics were compared (changed, created and their importers). */
  files: number;
  before: number;
  after: number;
  /** Diagnostics the changes would have added (each withheld its change). */
  added: number;
  /** How far it went: `full`, or `partial` with why. */
  extent: 'full' | 'partial';
  partial: string[];
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
  private readonly before = new Map<string, number>();
  private readonly checked: string[];
  private readonly importersOf = new Map<string, Set<string>>();
  readonly facts: TypeCheckFacts;
  private readonly ts: TypeScript;

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

    const program = this.host.program(new Map());
    let before = 0;
    let unresolved = 0;
    for (const d of this.diagnose(program, this.checked)) {
      this.before.set(keyOf(d), (this.before.get(keyOf(d)) ?? 0) + 1);
      before++;
      if (UNRESOLVED.has(d.code)) unresolved++;
    }
    const global = program.getGlobalDiagnostics().filter((d) => UNRESOLVED.has(d.code)).length + program.getOptionsDiagnostics().filter((d) => UNRESOLVED.has(d.code)).length;
    if (unresolved + global > 0) partial.push(`${unresolved + global} unresolved module${unresolved + global === 1 ? '' : 's'} or type librar${unresolved + global === 1 ? 'y' : 'ies'}`);
    this.facts = {
      typescript: `${loaded.version} (${loaded.from === 'service' ? "the service's" : "shipshape's"})`,
      tsconfig,
      files: this.checked.length + created.length,
      before,
      after: before,
      added: 0,
      extent: partial.length ? 'partial' : 'full',
      partial,
    };
  }

  /** The files that import each changed file, from a scan of every project file that names it. */
  private findImporters(fileNames: string[], options: TS.CompilerOptions, changed: string[]): void {
    const ts = this.ts;
    if (!changed.length) return;
    const stems = new Map<string, string[]>();
    for (const f of changed) {
      let stem = path.basename(f).replace(/\.[cm]?[jt]sx?$/, '');
      if (stem === 'index') stem = path.basename(path.dirname(f));
      stems.set(stem, [...(stems.get(stem) ?? []), f]);
    }
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
      if (![...stems.keys()].some((s) => text.includes(s))) continue;
      for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
        const resolved = ts.resolveModuleName(ref.fileName, abs, options, ts.sys, cache).resolvedModule?.resolvedFileName;
        const target = resolved && path.resolve(resolved);
        if (target && targets.has(target)) {
          const set = this.importersOf.get(target) ?? new Set();
          set.add(abs);
          this.importersOf.set(target, set);
        }
      }
    }
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
      for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        out.push({ file: d.file ? path.resolve(d.file.fileName) : f, line, code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, ' ') });
      }
    }
    return out;
  }

  /** Diagnostics in the checked files with `overlay` (new texts, created files) that were not there before. */
  check(overlay: Overlay): Diagnostic[] {
    const created = this.created.filter((f) => overlay.has(f) && (isTypeScript(f) || this.host.project.options.checkJs));
    const program = this.host.program(overlay, created);
    const seen = new Map<string, number>();
    const fresh: Diagnostic[] = [];
    const all = this.diagnose(program, [...this.checked, ...created]);
    for (const d of all) {
      const k = keyOf(d);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      if (n > (this.before.get(k) ?? 0)) fresh.push(d);
    }
    this.facts.after = all.length;
    this.facts.added += fresh.length;
    return fresh;
  }
}
