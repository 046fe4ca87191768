import type { Report, VerificationReport } from './types';

/** One line of what verification did in a service, for the Markdown report and --verbose. */
export function verificationLine(v: VerificationReport): string {
  if (v.skipped) return v.skipped;
  const t = v.types;
  const types =
    t.extent === 'none'
      ? `types: not checked${t.why?.length ? ` (${t.why.join('; ')})` : ''}`
      : `types: ${t.extent}${t.why?.length ? ` (${t.why.join('; ')})` : ''}, TypeScript ${t.typescript}, ${t.files} file${t.files === 1 ? '' : 's'}, diagnostics ${t.diagnosticsBefore} before / ${t.diagnosticsAfter} after, ${t.newDiagnostics} new`;
  const m = v.modules;
  return `${types}; modules: ${m.specifiers} added specifier${m.specifiers === 1 ? '' : 's'} in ${m.files} file${m.files === 1 ? '' : 's'}, ${m.problems} problem${m.problems === 1 ? '' : 's'}; ${v.withheld.length} withheld; ${v.ms} ms`;
}

/** Services that have a verification section, with it. */
export function verifiedServices(report: Report): { name: string; v: VerificationReport }[] {
  return (report.services ?? []).filter((s) => s.verification).map((s) => ({ name: s.name, v: s.verification! }));
}
