import { formatServiceTable } from '../rollout/table';
import type { Report } from './types';

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

const code = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOR: Paint = { bold: code(1, 22), dim: code(2, 22), red: code(31, 39), yellow: code(33, 39), green: code(32, 39) };
const id = (s: string) => s;
export const PLAIN: Paint = { bold: id, dim: id, red: id, yellow: id, green: id };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The summary that ends every run: counts, changes per transform, then every manual-review item and
 * every error with file and line, so nothing needs a second tool to find.
 */
export function formatSummary(report: Report, paint: Paint, opts: { quiet?: boolean; verbose?: boolean } = {}): string {
  const { summary, mode } = report;
  const lines: string[] = [];
  const errors = report.files.filter((f) => f.status === 'error');
  if (!opts.quiet) {
    const manualFiles = report.files.filter((f) => f.manual.length > 0);
    for (const f of manualFiles) {
      for (const m of f.manual) lines.push(`${paint.yellow('manual')}  ${f.path}${m.line ? `:${m.line}` : ''}  ${paint.dim(m.transform)}  ${m.message}`);
    }
    if (opts.verbose) {
      for (const f of report.files.filter((x) => x.status === 'skipped')) lines.push(`${paint.dim('skipped')} ${f.path}: ${f.reason}`);
    }
  }
  // A changed file's lines differ before and after: say which the items use.
  if (!opts.quiet && mode !== 'write' && report.files.some((f) => f.status === 'changed' && f.manual.some((m) => m.line > 0))) {
    lines.push(paint.dim('(manual-item lines are those of the files as they are now; under --write, of the written files)'));
  }
  for (const f of errors) lines.push(`${paint.red(f.withheld ? 'withheld' : 'error')}${f.withheld ? '' : '   '} ${f.path}: ${f.error}`);
  if (opts.quiet) return lines.join('\n');

  if (lines.length) lines.push('');
  const verb = mode === 'write' ? 'changed' : 'would change';
  const head = [
    plural(summary.files, 'file') + ' scanned',
    `${summary.changed} ${verb}`,
    `${summary.errors} failed${summary.withheld ? ` (${summary.withheld} withheld by verification)` : ''}`,
    `${summary.skipped} skipped`,
    plural(summary.manual, 'manual-review item'),
  ];
  lines.push(paint.bold(`shipshape: ${head.join(', ')}`));
  if (report.verification?.skipped) lines.push(paint.yellow(report.verification.skipped));
  const names = Object.keys(summary.changes);
  const width = Math.max(0, ...report.transforms.map((n) => n.length));
  // Several services: one row each (a rollout reviews service by service); else the totals per transform.
  if ((report.services?.length ?? 0) > 1 && summary.files > 0) lines.push(...formatServiceTable(report, { allTransforms: opts.verbose }));
  else
    for (const name of report.transforms) {
      const n = summary.changes[name] ?? 0;
      if (n > 0 || opts.verbose) lines.push(`  ${name.padEnd(width)}  ${plural(n, 'change')}`);
    }
  const kept = Object.entries(summary.suppressed ?? {}).map(([name, n]) => `${name} ${n}`);
  if (kept.length) lines.push(paint.dim(`suppressed: ${kept.join(', ')}`));
  if (summary.files === 0) lines.push('nothing to do: no file in the given paths is one the selected transforms handle');
  else if (summary.changed === 0 && summary.errors === 0 && names.length === 0) lines.push(paint.green('nothing to change'));
  else if (mode === 'dry' && summary.changed > 0) lines.push(paint.dim('dry run: nothing was written; run again with --write to apply'));
  else if (mode === 'check' && summary.changed > 0) lines.push(paint.red(`check failed: ${plural(summary.changed, 'file')} would change`));
  if (mode === 'check' && summary.withheld && summary.errors === summary.withheld) {
    lines.push(paint.yellow(`${plural(summary.withheld, 'file')} withheld by verification: not a check failure (nothing can be written until the cause above is fixed)`));
  }
  return lines.join('\n');
}
