import type { Report } from '../report/types';
import { verificationLine, verifiedServices } from '../report/verification';
import { serviceRows } from './table';

/** A table cell: pipes and line breaks would end the cell or the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

/**
 * The run as Markdown for a pull request: the service table, then every manual-review item and
 * every error by service, with file and line.
 */
export function formatMarkdown(report: Report): string {
  const out: string[] = [];
  const { summary } = report;
  const verb = report.mode === 'write' ? 'changed' : 'would change';
  out.push('## shipshape', '');
  out.push(
    `${summary.files} files scanned, ${summary.changed} ${verb}, ${summary.errors} failed, ${summary.manual} manual-review item${summary.manual === 1 ? '' : 's'}. ` +
      `Transforms: ${report.transforms.map(code).join(', ') || 'none'}.`,
    '',
  );
  const rows = serviceRows(report);
  const numeric = rows[0].map((_, i) => i > 0);
  out.push(`| ${rows[0].map(cell).join(' | ')} |`);
  out.push(`| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`);
  for (const r of rows.slice(1, -1)) out.push(`| ${r.map(cell).join(' | ')} |`);
  const total = rows[rows.length - 1];
  out.push(`| ${total.map((c) => `**${cell(c)}**`).join(' | ')} |`);

  const byService = new Map<string, string[]>();
  const add = (service: string | undefined, line: string) => {
    const key = service ?? '(root)';
    if (!byService.has(key)) byService.set(key, []);
    byService.get(key)!.push(line);
  };
  for (const f of report.files) {
    for (const m of f.manual) add(f.service, `- [ ] ${code(`${f.path}${m.line ? `:${m.line}` : ''}`)} (${m.transform}): ${cell(m.message)}`);
  }
  if (byService.size) {
    out.push('', '### Manual review', '');
    for (const [service, items] of byService) out.push(`**${cell(service)}**`, '', ...items, '');
    out.pop();
  }
  const errors = report.files.filter((f) => f.status === 'error');
  if (errors.length) {
    out.push('', '### Errors', '');
    for (const f of errors) out.push(`- ${code(f.path)}${f.service ? ` (${cell(f.service)})` : ''}: ${cell(f.error ?? 'failed')}`);
  }
  if (report.verification?.skipped) out.push('', '### Verification', '', cell(report.verification.skipped));
  else {
    const verified = verifiedServices(report);
    if (verified.length) {
      out.push('', '### Verification', '');
      for (const { name, v } of verified) {
        out.push(`- **${cell(name)}**: ${cell(verificationLine(v))}`);
        for (const w of v.withheld) out.push(`  - withheld ${code(w.path)}: ${cell(w.reason)}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
