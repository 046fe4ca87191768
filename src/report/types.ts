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
}

export interface Summary {
  files: number;
  changed: number;
  errors: number;
  skipped: number;
  manual: number;
  changes: Record<string, number>;
}

/** The JSON report, version 1 (documented in the README). */
export interface Report {
  version: 1;
  mode: Mode;
  transforms: string[];
  files: FileReport[];
  summary: Summary;
}
