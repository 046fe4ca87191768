import path from 'node:path';
import { isTypeScript } from '../engine/parser';
import { isCodeFile } from '../fleet/scripts';
import type { VerificationReport } from '../report/types';
import { checkModules, type ResolveContext } from './module-check';
import type { VerifyService } from './service';
import { TypeCheck, type Diagnostic } from './type-check';
import { loadTypeScript, parseProject } from './typescript';

/** A file the run would write: a changed file (with its original text) or a created one (`original` null). */
export interface PlannedWrite {
  path: string;
  original: string | null;
  output: string;
}

export interface VerifyInput {
  /** For file paths in reasons. */
  cwd: string;
  /** The service, as the fleet model describes it. */
  service: VerifyService;
  /** Every file of the service that the run would write. */
  writes: PlannedWrite[];
  /** Files the whole run creates (other services' too: an import of one must resolve, and then is judged). */
  runCreated: ReadonlySet<string>;
  /** Other services whose images contain a file. */
  shippedBy?: (file: string) => VerifyService[];
}

export interface VerifyOutput {
  /** Withheld files (absolute) and why. */
  withheld: Map<string, string>;
  /** The files each planned write imports (absolute), for the run to settle created modules across services. */
  imports: Map<string, string[]>;
  report: VerificationReport;
}

/** Re-checks after withholding are bounded: each round withholds at least one file, and real runs settle in one or two. */
const MAX_ROUNDS = 6;

const ADVICE = 'the file was left as it was; fix the cause in the code (or the transform options) and run again, or leave the file out with --exclude';

function rel(cwd: string, abs: string): string {
  return path.relative(cwd, abs).split(path.sep).join('/');
}

function describe(cwd: string, d: Diagnostic): string {
  return `${rel(cwd, d.file)}:${d.line}: TS${d.code} ${d.text}`;
}

/**
 * A created module exists for its importers; an importer needs the module it imports. Withholds, until
 * nothing more changes, each created module whose importers are all withheld, and each file that
 * imports a withheld one.
 */
export function settleWithheld(cwd: string, withheld: Map<string, string>, imports: ReadonlyMap<string, string[]>, created: ReadonlySet<string>): void {
  const importersOf = new Map<string, string[]>();
  for (const [file, list] of imports) for (const target of list) if (created.has(target)) importersOf.set(target, [...(importersOf.get(target) ?? []), file]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of created) {
      const users = importersOf.get(g) ?? [];
      if (!withheld.has(g) && users.length > 0 && users.every((u) => withheld.has(u))) {
        withheld.set(g, `${rel(cwd, g)}: not created: every file that imports it was withheld (${users.map((u) => rel(cwd, u)).join(', ')})`);
        grew = true;
      }
    }
    for (const [file, list] of imports) {
      const missing = list.find((t) => withheld.has(t));
      if (!withheld.has(file) && missing) {
        withheld.set(file, `${rel(cwd, file)}: imports ${rel(cwd, missing)}, which is not created (${withheld.get(missing)}); ${ADVICE}`);
        grew = true;
      }
    }
  }
}

/**
 * Verifies one service's planned writes before anything is written: module checks on every file,
 * then a type check before/after for TypeScript, withholding what breaks and whatever depends on it
 * (a created module and its importers), re-checking until what remains is clean.
 */
export function verifyService(input: VerifyInput): VerifyOutput {
  const started = Date.now();
  const { cwd } = input;
  const { service } = input;
  const writes = input.writes.filter((w) => isCodeFile(w.path, service));
  const created = new Set(writes.filter((w) => w.original === null).map((w) => w.path));
  const withheld = new Map<string, string>();

  // Module checks: the service's compiler options decide resolution (paths, baseUrl) for JS too.
  const { ts } = loadTypeScript(service.dir);
  const project = parseProject(ts, service.tsconfig?.file, []);
  const ctx: ResolveContext = { ts, options: project.options, created: input.runCreated, service, ...(input.shippedBy ? { shippedBy: input.shippedBy } : {}) };
  const imports = new Map<string, string[]>();
  let specifiers = 0;
  let problems = 0;
  for (const w of writes) {
    const res = checkModules(w.path, w.original, w.output, ctx);
    imports.set(w.path, res.imports);
    specifiers += res.added;
    problems += res.problems.length;
    if (res.problems.length) {
      const p = res.problems[0];
      const more = res.problems.length > 1 ? ` (and ${res.problems.length - 1} more)` : '';
      withheld.set(w.path, `${rel(cwd, w.path)}${p.line ? `:${p.line}` : ''}: ${p.message}${more}; ${ADVICE}`);
    }
  }

  const settle = () => settleWithheld(cwd, withheld, imports, created);
  settle();

  const types: VerificationReport['types'] = { extent: 'none', files: 0, diagnosticsBefore: 0, diagnosticsAfter: 0, newDiagnostics: 0 };
  const wantsTypes = writes.some((w) => isTypeScript(w.path)) || (!!project.options.checkJs && writes.length > 0);
  // Without a tsconfig the service has no type check of its own (tsc does not run): there is no "before" to keep.
  if (wantsTypes && !service.tsconfig) types.why = ['no tsconfig.json: the service has no type check to compare with; types were not checked'];
  if (wantsTypes && service.tsconfig) {
    const changed = writes.filter((w) => w.original !== null).map((w) => w.path);
    const check = new TypeCheck(service.dir, service.tsconfig?.file, changed, [...created]);
    let clean = false;
    // After the first round only the files that import what was withheld can change (the rest
    // keep the text and the types they were checked with), so each re-check is limited to them.
    let only: Set<string> | undefined;
    for (let round = 0; round < MAX_ROUNDS && !clean; round++) {
      const overlay = new Map(writes.filter((w) => !withheld.has(w.path)).map((w) => [w.path, w.output]));
      if (overlay.size === 0) {
        check.facts.after = check.facts.before;
        break;
      }
      const before = new Set(withheld.keys());
      const fresh = check.check(overlay, only);
      clean = fresh.length === 0;
      for (const d of fresh) {
        // A diagnostic in a file the run writes is that change's; in an importer, the changes it imports caused it.
        const culprits = overlay.has(d.file) ? [d.file] : [...overlay.keys()].filter((f) => check.importers(f).includes(d.file));
        for (const c of culprits.length ? culprits : [...overlay.keys()]) {
          if (withheld.has(c)) continue;
          const where = c === d.file ? '' : ` (in a file that imports it)`;
          withheld.set(c, `${rel(cwd, c)}: the change would add a type error${where}: ${describe(cwd, d)}; ${ADVICE}`);
        }
      }
      settle();
      only = check.dependents([...withheld.keys()].filter((f) => !before.has(f)));
    }
    if (!clean) {
      for (const w of writes) if (!withheld.has(w.path)) withheld.set(w.path, `${rel(cwd, w.path)}: type check did not settle after ${MAX_ROUNDS} rounds; ${ADVICE}`);
    }
    const f = check.facts;
    types.extent = f.extent;
    if (f.partial.length) types.why = f.partial;
    types.typescript = f.typescript;
    if (f.tsconfig) types.tsconfig = rel(cwd, f.tsconfig);
    types.files = f.files;
    types.diagnosticsBefore = f.before;
    types.diagnosticsAfter = f.after;
    types.newDiagnostics = f.added;
    types.programs = f.programs;
    if (f.uncompared.files) types.uncompared = f.uncompared;
  }

  return {
    withheld,
    imports,
    report: {
      types,
      modules: { files: writes.length, specifiers, problems },
      withheld: [...withheld].map(([p, reason]) => ({ path: rel(cwd, p), reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
      ms: Date.now() - started,
    },
  };
}
