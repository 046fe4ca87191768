import path from 'node:path';
import { isInside } from '../ast/paths';
import type { VerificationReport } from '../report/types';
import type { VerifyService } from './service';
import { verifyCached, type CacheStats, type VerificationCache } from './cache';
import { surelyUnused, unusedModules } from './unused';
import { settleWithheld, verifyService, type PlannedWrite } from './verify';

export interface RunVerification {
  /** Absolute paths of withheld files, with why. */
  withheld: Map<string, string>;
  /** Created modules no file of the run would import (a scaffold for files the transform then left alone): not created, and not a failure. */
  unused: Set<string>;
  /** Per service name. */
  services: Map<string, VerificationReport>;
  ms: number;
  /** Hits and misses of the cache across runs, when one was used. */
  cache?: CacheStats;
}

/** Verifies every service's planned writes, one service at a time (each has its own program and rules). */
export function verifyRun(cwd: string, planned: PlannedWrite[], serviceOf: (abs: string) => VerifyService, all: VerifyService[] = [], cache?: VerificationCache): RunVerification {
  const started = Date.now();
  const early = surelyUnused(planned);
  const writes = planned.filter((w) => !early.has(w.path));
  const groups = new Map<string, { service: VerifyService; writes: PlannedWrite[] }>();
  for (const w of writes) {
    const s = serviceOf(w.path);
    const g = groups.get(s.name) ?? { service: s, writes: [] };
    g.writes.push(w);
    groups.set(s.name, g);
  }
  const runCreated = new Set(writes.filter((w) => w.original === null).map((w) => w.path));
  const withheld = new Map<string, string>();
  const services = new Map<string, VerificationReport>();
  const imports = new Map<string, string[]>();
  for (const [name, g] of groups) {
    // Services with an image of their own (a build context narrower than the repository) that copy this service's file.
    const shippedBy = (file: string) => all.filter((s) => s.name !== g.service.name && s.buildContext.length > 0 && s.buildContext.some((c) => isInside(file, c)) && !isInside(file, s.dir));
    let out: ReturnType<typeof verifyService>;
    try {
      const input = { cwd, service: g.service, writes: g.writes, runCreated, shippedBy };
      out = cache ? verifyCached(cache, input, all, verifyService) : verifyService(input);
    } catch (err: any) {
      // A service verification cannot finish is not written, and the run goes on with the others.
      out = failedService(cwd, g.writes, String(err?.message ?? err));
    }
    for (const [p, why] of out.withheld) withheld.set(p, why);
    for (const [p, list] of out.imports) imports.set(p, list);
    services.set(name, out.report);
  }
  // A module created in one service for files of another (a configured path at the repository root)
  // is settled across the run: not created when every importer, wherever it is, was withheld.
  const before = new Set(withheld.keys());
  settleWithheld(cwd, withheld, imports, runCreated);
  for (const p of withheld.keys()) if (!before.has(p)) services.get(serviceOf(p).name)?.withheld.push({ path: path.relative(cwd, p).split(path.sep).join('/'), reason: withheld.get(p)! });
  return { withheld, unused: new Set([...early, ...unusedModules(imports, runCreated, withheld)]), services, ms: Date.now() - started, ...(cache ? { cache: cache.stats } : {}) };
}

/** Every write of a service withheld, because checking it failed inside shipshape. */
function failedService(cwd: string, writes: PlannedWrite[], message: string): ReturnType<typeof verifyService> {
  const why = `verification of this service failed inside shipshape (${message}); its changes were not written; run again with --no-verify to write them unchecked, and please report this`;
  const rel = (p: string) => path.relative(cwd, p).split(path.sep).join('/');
  return {
    withheld: new Map(writes.map((w) => [w.path, why])),
    // Unknown without the checks: every created module counts as imported.
    imports: new Map(writes.filter((w) => w.original !== null).map((w) => [w.path, writes.filter((c) => c.original === null).map((c) => c.path)])),
    report: {
      types: { extent: 'none', why: [why], files: 0, diagnosticsBefore: 0, diagnosticsAfter: 0, newDiagnostics: 0 },
      modules: { files: writes.length, specifiers: 0, problems: 0 },
      withheld: writes.map((w) => ({ path: rel(w.path), reason: why })),
      ms: 0,
    },
  };
}

/** The note every report carries when --no-verify skipped the stage. */
export const SKIPPED_NOTE = 'verification skipped (--no-verify): changes were not type-checked or module-checked before writing';
