import type { FileReport, Report } from '../report/types';

/**
 * The production-readiness review of each service, as the seed reviews were written by hand: one
 * check per concern, each with its verdict and the file:line evidence. Derived from what the run's
 * transforms found: a rewrite means the gap existed (and this run closes it), a manual item means a
 * gap the run leaves open, neither means the check passed; a concern whose transform did not run is
 * "not checked".
 */
export type Verdict = 'ready' | 'fixed' | 'open' | 'not-checked';

export interface Evidence {
  path: string;
  line?: number;
  note: string;
}

export interface ReadinessCheck {
  concern: string;
  transforms: string[];
  verdict: Verdict;
  summary: string;
  evidence: Evidence[];
}

export interface ServiceReadiness {
  service: string;
  path: string;
  checks: ReadinessCheck[];
}

const CONCERNS: { concern: string; transforms: string[]; gap: string }[] = [
  { concern: 'Console calls', transforms: ['console-to-logger'], gap: 'console calls instead of the structured logger' },
  { concern: 'Logs to stdout only', transforms: ['logger-stdout-only'], gap: 'logger transports writing files or elsewhere' },
  { concern: 'Health and readiness routes, probes', transforms: ['healthz-to-health', 'healthcheck-loopback', 'readiness-probe'], gap: 'health or readiness routes and probes missing, or on another path or host' },
  { concern: 'Correlation IDs', transforms: ['correlation-id'], gap: 'apps without the correlation-ID middleware' },
  { concern: 'Graceful shutdown', transforms: ['graceful-shutdown', 'container-signals'], gap: 'servers without a SIGTERM drain, or containers that do not pass SIGTERM on' },
  { concern: 'Secrets in env templates', transforms: ['env-secrets'], gap: 'real-looking secrets committed in env templates' },
  { concern: 'Database pool limits', transforms: ['pg-pool-limits'], gap: 'pg pools without max and timeouts' },
  { concern: 'bcrypt rounds', transforms: ['bcrypt-rounds'], gap: 'bcrypt calls with too few rounds' },
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The lines a file's patch changes, as they are on disk after the run: the original's in a dry run,
 * the written file's under --write.
 */
export function changedLines(patch: string | undefined, mode: Report['mode']): number[] {
  if (!patch) return [];
  const lines: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  let inChange = false;
  for (const text of patch.split('\n')) {
    const head = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(text);
    if (head) {
      oldLine = Number(head[1]);
      newLine = Number(head[2]);
      inChange = false;
      continue;
    }
    if (!oldLine && !newLine) continue;
    const kind = text[0];
    if (kind === '-' || kind === '+') {
      // An insertion has no line of its own in the original: the line above it stands for it.
      if (!inChange) lines.push(Math.max(1, mode === 'write' ? newLine : kind === '+' ? oldLine - 1 : oldLine));
      inChange = true;
      if (kind === '-') oldLine++;
      else newLine++;
    } else if (kind === ' ') {
      inChange = false;
      oldLine++;
      newLine++;
    }
  }
  return lines;
}

function checkOf(concern: (typeof CONCERNS)[number], files: FileReport[], report: Report, patches: Map<string, string>): ReadinessCheck {
  const ran = concern.transforms.filter((t) => report.transforms.includes(t));
  const base = { concern: concern.concern, transforms: concern.transforms };
  if (ran.length === 0) return { ...base, verdict: 'not-checked', summary: `not checked: run with -t ${concern.transforms.join(',')} (or -t all)`, evidence: [] };
  const evidence: Evidence[] = [];
  let rewrites = 0;
  let open = 0;
  let failed = 0;
  for (const f of files) {
    const n = ran.reduce((sum, t) => sum + (f.changes[t] ?? 0), 0);
    if (n > 0 && f.status === 'changed') {
      rewrites += n;
      // A file the dry run would create has no lines on disk yet.
      const at = f.created && report.mode !== 'write' ? [] : changedLines(patches.get(f.path), report.mode);
      // Lines are the file's changes: this concern's own only when no other transform changed the file.
      const own = Object.keys(f.changes).every((t) => ran.includes(t));
      const where = at.length ? `; ${own ? 'changed at' : "the file's changes (all transforms) at"} line${at.length > 1 ? 's' : ''} ${at.join(', ')}` : '';
      evidence.push({ path: f.path, line: own ? at[0] : undefined, note: `${plural(n, 'rewrite')} (${ran.filter((t) => f.changes[t]).join(', ')})${where}` });
    }
    for (const m of f.manual.filter((x) => ran.includes(x.transform))) {
      open++;
      evidence.push({ path: f.path, line: m.line || undefined, note: m.message });
    }
    if (f.status === 'error' || (f.status as string) === 'withheld') {
      failed++;
      evidence.push({ path: f.path, note: `${f.status}: ${f.error ?? f.reason ?? ''}`.trim() });
    }
  }
  const verb = report.mode === 'write' ? 'made by this run' : 'ready in this dry run (apply with --write)';
  if (open > 0 || failed > 0) {
    const parts = [open ? `${plural(open, 'place')} to review by hand` : '', failed ? `${plural(failed, 'file')} not migrated` : '', rewrites ? `${plural(rewrites, 'rewrite')} ${verb}` : ''];
    return { ...base, verdict: 'open', summary: `not ready: ${parts.filter(Boolean).join('; ')}`, evidence };
  }
  if (rewrites > 0) return { ...base, verdict: 'fixed', summary: `${concern.gap}: ${plural(rewrites, 'rewrite')} ${verb}`, evidence };
  return { ...base, verdict: 'ready', summary: `ready: no ${concern.gap} found`, evidence };
}

export function readinessOf(report: Report, patchList: { path: string; patch: string }[] = []): ServiceReadiness[] {
  const patches = new Map(patchList.map((p) => [p.path, p.patch]));
  const services = report.services?.length ? report.services : [{ name: '(root)', path: '' }];
  return services.map((s) => {
    const files = report.files.filter((f) => (f.service ?? '(root)') === s.name);
    return { service: s.name, path: s.path, checks: CONCERNS.map((c) => checkOf(c, files, report, patches)) };
  });
}

const MARK: Record<Verdict, string> = { ready: 'ready', fixed: 'gap closed by this run', open: '**not ready**', 'not-checked': 'not checked' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The readiness review as Markdown: per service a table of verdicts, then the evidence by concern. */
export function formatReadinessMarkdown(report: Report, readiness: ServiceReadiness[]): string {
  const out: string[] = ['## Production readiness', ''];
  out.push(report.mode === 'write' ? 'Verdicts after this run (changes written); lines refer to the written files.' : 'Dry run: "gap closed by this run" means the gap is there now and the change that closes it is ready (apply with --write). Lines refer to the files as they are.', '');
  for (const s of readiness) {
    out.push(`### ${s.service}${s.path ? ` (\`${s.path}\`)` : ''}`, '', '| concern | verdict | what was found |', '| --- | --- | --- |');
    for (const c of s.checks) out.push(`| ${c.concern} | ${MARK[c.verdict]} | ${cell(c.summary)} |`);
    const withEvidence = s.checks.filter((c) => c.evidence.length);
    if (withEvidence.length) {
      out.push('');
      for (const c of withEvidence) {
        out.push(`**${c.concern}**`, '');
        for (const e of c.evidence) out.push(`- \`${e.path}${e.line ? `:${e.line}` : ''}\`: ${cell(e.note)}`);
        out.push('');
      }
      out.pop();
    }
    out.push('');
  }
  return out.join('\n');
}
