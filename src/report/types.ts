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
}
