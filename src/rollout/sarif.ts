import { TRANSFORMS } from '../../transforms';
import type { FileReport, Report } from '../report/types';
import { verifiedServices } from '../report/verification';
import { git } from '../runner/git';
import type { Transform } from '../types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifInput {
  report: Report;
  /** The diff of each changed file, by path relative to the cwd. */
  patches: { path: string; patch: string }[];
  transforms: Transform[];
  toolVersion: string;
  /** The cwd relative to the repository root (`git rev-parse --show-prefix`), so URIs are repository-relative as code scanning wants. */
  prefix?: string;
}

/** Lines (in the original file) where each hunk of a diff starts changing something. */
export function changedLines(patch: string): number[] {
  const lines: number[] = [];
  let oldLine = 0;
  let inHunk = false;
  let found = false;
  for (const line of patch.split('\n')) {
    const head = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (head) {
      oldLine = Number(head[1]);
      // `-0,0` (an empty file) still points at line 1.
      if (oldLine === 0) oldLine = 1;
      inHunk = true;
      found = false;
      continue;
    }
    if (!inHunk || found) continue;
    if (line.startsWith('-') || line.startsWith('+')) {
      lines.push(Math.max(1, oldLine));
      found = true;
    } else if (line.startsWith(' ')) oldLine++;
  }
  return lines;
}

/** The rule of results verification reports: a withheld change. */
export const VERIFY_RULE = 'verification';

/** The line of the file a withheld reason points at (`<path>:<line>: ...`), if any. */
function lineOf(file: string, reason: string | undefined): number | undefined {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|[\\s(])${escaped}:(\\d+):`).exec(reason ?? '');
  return m ? Number(m[1]) : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function location(uri: string, line?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      ...(line && line > 0 ? { region: { startLine: line } } : {}),
    },
  };
}

/**
 * SARIF 2.1.0 for code-scanning tools: one result per pending change (one per diff hunk when a
 * single transform changed the file, else one per transform at its first hunk, since hunks of
 * several transforms cannot be told apart) and one per manual-review item. Rules are transforms.
 */
export function formatSarif(input: SarifInput): object {
  const { report } = input;
  const prefix = input.prefix ?? '';
  const uri = (p: string) => encodeURI(prefix + p);
  const patchOf = new Map(input.patches.map((p) => [p.path, p.patch]));
  const ruleIds = new Set<string>();
  const results: object[] = [];
  const verb = report.mode === 'write' ? 'applied' : 'pending';

  const changeResults = (f: FileReport) => {
    const transforms = Object.entries(f.changes).filter(([, n]) => n > 0);
    const lines = f.created ? [] : changedLines(patchOf.get(f.path) ?? '');
    if (transforms.length === 1 && lines.length > 0) {
      const [name, n] = transforms[0];
      for (const line of lines) {
        results.push({
          ruleId: name,
          level: 'note',
          message: { text: `${name}: ${plural(n, 'rewrite')} ${verb} in this file; run 'shipshape run -t ${name} --write' to apply` },
          locations: [location(uri(f.path), line)],
        });
      }
      ruleIds.add(name);
      return;
    }
    for (const [name, n] of transforms) {
      ruleIds.add(name);
      results.push({
        ruleId: name,
        level: 'note',
        message: { text: f.created ? `${name} creates this file` : `${name}: ${plural(n, 'rewrite')} ${verb} in this file; run 'shipshape run -t ${name} --write' to apply` },
        locations: [location(uri(f.path), lines[0])],
      });
    }
  };

  for (const f of report.files) {
    if (f.status === 'changed') changeResults(f);
    if (f.withheld) {
      ruleIds.add(VERIFY_RULE);
      results.push({ ruleId: VERIFY_RULE, level: 'error', message: { text: f.error ?? 'withheld by verification' }, locations: [location(uri(f.path), lineOf(f.path, f.error))] });
    }
    for (const m of f.manual) {
      ruleIds.add(m.transform);
      results.push({ ruleId: m.transform, level: 'warning', message: { text: m.message }, locations: [location(uri(f.path), m.line)] });
    }
  }

  const rules = [...ruleIds].sort().map((id) => {
    const t = input.transforms.find((x) => x.name === id);
    const text = id === VERIFY_RULE ? 'a change that would break types, imports or start-up order is not written' : (t?.summary ?? id);
    return { id, name: id, shortDescription: { text } };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of results as { ruleId: string; ruleIndex?: number }[]) r.ruleIndex = ruleIndex.get(r.ruleId);

  const errors = report.files.filter((f) => f.status === 'error');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'shipshape', version: input.toolVersion, rules } },
        properties: { verification: report.verification?.skipped ? { skipped: report.verification.skipped } : Object.fromEntries(verifiedServices(report).map(({ name, v }) => [name, v])) },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root' } } },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((f) => ({ level: 'error', message: { text: `${f.path}: ${f.error}` }, locations: [location(uri(f.path))] })),
          },
        ],
        results,
      },
    ],
  };
}

/** SARIF for a finished run, with URIs from the repository root when the cwd is inside one. */
export function sarifFor(report: Report, patches: { path: string; patch: string }[], toolVersion: string, cwd: string): object {
  const prefix = git(cwd, ['rev-parse', '--show-prefix']);
  return formatSarif({ report, patches, transforms: TRANSFORMS, toolVersion, prefix: prefix?.ok ? prefix.stdout.trim() : '' });
}
