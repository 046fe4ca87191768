import type { Report } from '../report/types';

/**
 * The service table as rows of cells: service, files changed, one column per transform that
 * changed anything (every selected one with `all`), manual items, errors, then a total row.
 */
export function serviceRows(report: Report, opts: { allTransforms?: boolean } = {}): string[][] {
  const services = report.services ?? [];
  const transforms = report.transforms.filter((t) => opts.allTransforms || services.some((s) => (s.changes[t] ?? 0) > 0));
  const header = ['service', report.mode === 'write' ? 'changed' : 'would change', ...transforms, 'manual', 'errors'];
  const row = (name: string, changed: number, changes: Record<string, number>, manual: number, errors: number) => [
    name,
    String(changed),
    ...transforms.map((t) => String(changes[t] ?? 0)),
    String(manual),
    String(errors),
  ];
  const rows = services.map((s) => row(s.name, s.changed, s.changes, s.manual, s.errors));
  const total = services.reduce(
    (acc, s) => {
      acc.changed += s.changed;
      acc.manual += s.manual;
      acc.errors += s.errors;
      for (const [t, n] of Object.entries(s.changes)) acc.changes[t] = (acc.changes[t] ?? 0) + n;
      return acc;
    },
    { changed: 0, manual: 0, errors: 0, changes: {} as Record<string, number> },
  );
  return [header, ...rows, row('total', total.changed, total.changes, total.manual, total.errors)];
}

/** The table for a terminal: first column left-aligned, numbers right-aligned, a rule under the header and above the total. */
export function formatServiceTable(report: Report, opts: { allTransforms?: boolean } = {}): string[] {
  const rows = serviceRows(report, opts);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.slice(1, -1).map(line);
  return [line(rows[0]), rule, ...body, rule, line(rows[rows.length - 1])].map((l) => `  ${l}`);
}
