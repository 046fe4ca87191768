import type { RunTimings } from '../runner/timings';
import type { ManualItem } from '../types';

export type Mode = 'dry' | 'write' | 'check';

export interface FileReport {
  /** Relative to the cwd, with `/`. */
  path: string;
  status: 'changed' | 'error' | 'skipped' | 'unchanged';
  /** Rewrites per transform. */
  changes: Record<string, number>;
  manual: ManualItem[];
  /** Only when status is error. */
  error?: string;
  /** Only when status is skipped. */
  reason?: string;
  /** The file does not exist yet: a transform creates it. */
  created?: boolean;
  /** The service the file belongs to (`(root)` outside every service). */
  service?: string;
  /** Changes and manual items shipshape-ignore comments kept out, per transform. */
  suppressed?: Record<string, number>;
  /** Verification kept the change from being written (status is error; `error` says why). */
  withheld?: boolean;
}

/** What verification checked in one service before anything was written (README, Verification). */
export interface VerificationReport {
  /** Set when the stage did not run (--no-verify), with why. */
  skipped?: string;
  types: {
    /** `full`: every changed file and importer checked with everything resolved; `partial`: see `why`; `none`: no TypeScript to check. */
    extent: 'full' | 'partial' | 'none';
    why?: string[];
    typescript?: string;
    tsconfig?: string;
    /** Files whose diagnostics were compared: changed, created and the files importing them. */
    files: number;
    diagnosticsBefore: number;
    /** In what is written (after withholding). */
    diagnosticsAfter: number;
    /** Diagnostics the changes would have added; each withheld the change that caused it. */
    newDiagnostics: number;
    /** Programs built with the changes: one, plus one per re-check after withholding that some other checked file could see. */
    programs?: number;
    /** Files left out of `diagnosticsBefore`/`After`: each of their diagnostics after the change is of a package or Node type that is not installed (never new), so they were not checked before it. */
    uncompared?: { files: number; diagnostics: number };
  };
  modules: {
    files: number;
    /** Import and require specifiers the transforms added, each resolved and checked. */
    specifiers: number;
    problems: number;
  };
  /** Changes not written, with why. */
  withheld: { path: string; reason: string }[];
  ms: number;
  /** The result of an earlier run, reused: the same planned writes, and the disk answered everything it read as then (README, Verification cache). */
  cached?: boolean;
}

/** One service's share of a run (rollout across services). */
export interface ServiceReport {
  name: string;
  /** The name as used in patch file and branch names (`@acme/pay` → `acme-pay`, `(root)` → `root`). */
  slug: string;
  /** Folder relative to the config's folder, with `/`; '' for `(root)`. */
  path: string;
  /** Files changed (or that would change). */
  changed: number;
  errors: number;
  manual: number;
  /** Rewrites per transform. */
  changes: Record<string, number>;
  /** With --commit: the commit made for this service. */
  commit?: string;
  /** With --branch-per-service: the branch created for this service. */
  branch?: string;
  verification?: VerificationReport;
}

export interface Summary {
  files: number;
  changed: number;
  errors: number;
  skipped: number;
  manual: number;
  changes: Record<string, number>;
  /** Changes and manual items shipshape-ignore comments kept out, per transform. */
  suppressed?: Record<string, number>;
  /** Changes verification withheld (counted in errors too). */
  withheld?: number;
}

/** The JSON report, version 1 (documented in the README). */
export interface Report {
  version: 1;
  mode: Mode;
  transforms: string[];
  files: FileReport[];
  summary: Summary;
  /** Per service, in discovery order. */
  services?: ServiceReport[];
  /** The verification stage as a whole: skipped (--no-verify, with a note) or how many changes it withheld. */
  verification?: { skipped?: string; withheld: number; ms: number; cache?: { dir: string; hits: number; misses: number; stored: number; failures: number } };
  /** Where the run's time went, by stage (README, JSON report). */
  timings?: RunTimings;
}
