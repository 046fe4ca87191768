import fs from 'node:fs';
import path from 'node:path';
import type { FleetModel, Where } from '../../src/fleet/types';
import type { FileRecord, Options, PathManualItem } from '../../src/types';
import { lineAt } from '../../src/ast/lines';

/** What apply records for a file whose console calls it rewrote. */
export interface RewriteRecord {
  service?: string;
  /** Which logger the calls now go to, and why (for the summary). */
  logger: string;
  /** The logger's printf format that prints no metadata. */
  printf?: Where;
  calls: { line: number; method: string }[];
}

const NAME = 'console-to-logger';
// `jest.spyOn(console, 'error')`, `vi.spyOn(global.console, 'log')`, `sinon.stub(console, 'warn')`.
const SPY = /\b(?:spyOn|stub|spy|replace)\(\s*(?:global(?:This)?\.)?console\s*,\s*['"`](\w+)['"`]/g;
// `console.log = jest.fn()`, `global.console.error = vi.fn(...)`.
const ASSIGN = /(?:global(?:This)?\.)?console\.(\w+)\s*=\s*(?:jest|vi|sinon)\.\w+/g;
const IMPORT = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|\bjest\.mock\(\s*|\bvi\.mock\(\s*)['"`](\.{1,2}\/[^'"`]+)['"`]/g;

function stem(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/**
 * Tests that spy on or mock console.* and import a module whose console calls of that method this
 * run rewrote: their assertions no longer see those calls. Only direct imports are followed.
 */
function testsObservingConsole(rewritten: Map<string, { rel: string; calls: RewriteRecord['calls'] }>, fleet: FleetModel): PathManualItem[] {
  const items: PathManualItem[] = [];
  const byStem = new Map([...rewritten].map(([file, r]) => [stem(file), r]));
  for (const [file, role] of Object.entries(fleet.roles)) {
    if (role !== 'test') continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('console')) continue;
    const spies = [...text.matchAll(SPY), ...text.matchAll(ASSIGN)].map((m) => ({ method: m[1], line: lineAt(text, m.index ?? 0) }));
    if (spies.length === 0) continue;
    const imported = [...text.matchAll(IMPORT)].map((m) => byStem.get(stem(path.resolve(path.dirname(file), m[1])))).filter((r) => r !== undefined);
    for (const spy of spies) {
      const hits = imported.flatMap((r) => r!.calls.filter((c) => c.method === spy.method).map((c) => `${r!.rel}:${c.line}`));
      if (hits.length === 0) continue;
      const shown = [...new Set(hits)];
      items.push({
        transform: NAME,
        path: file,
        line: spy.line,
        message: `this test observes console.${spy.method}, but the console.${spy.method}(…) call${shown.length > 1 ? 's' : ''} at ${shown.slice(0, 5).join(', ')}${shown.length > 5 ? ', …' : ''} now log${shown.length > 1 ? '' : 's'} through the logger: spy on or mock the logger instead`,
      });
    }
  }
  return items;
}

const STDERR = new Set(['error', 'warn', 'trace']);

/**
 * console.error/warn/trace write to stderr; winston's Console transport, pino and the scaffold write
 * every level to stdout. One item per service, at its first such call, so whoever reads stderr
 * (a supervisor, a log shipper split by stream, a test) knows.
 */
function stderrMovedToStdout(records: FileRecord[]): PathManualItem[] {
  const first = new Map<string, { path: string; line: number; logger: string }>();
  for (const r of records) {
    const data = r.data as RewriteRecord;
    const call = data?.calls?.find((c) => STDERR.has(c.method));
    if (!call) continue;
    const key = data.service ?? '';
    if (!first.has(key)) first.set(key, { path: r.path, line: call.line, logger: data.logger });
  }
  return [...first.entries()].map(([service, at]) => ({
    transform: NAME,
    path: at.path,
    line: at.line,
    message: `console.error/warn output went to stderr${service ? ` in ${service}` : ''}; it now goes to the service's logger (${at.logger}), which writes to stdout by default: check anything that reads this service's stderr, or give the logger a stderr destination for these levels`,
  }));
}

/**
 * Run-level checks after every file: a service whose winston printf prints no metadata gets one item
 * naming the format line, and tests that observe console calls this run rewrote get one each.
 */
export function finalizeRewrites(records: FileRecord[], _options: Options, fleet?: FleetModel): PathManualItem[] {
  if (!fleet) return [];
  const items: PathManualItem[] = [];

  const rewritten = new Map<string, { rel: string; calls: RewriteRecord['calls'] }>();
  for (const r of records) {
    const data = r.data as RewriteRecord;
    if (data?.calls?.length) rewritten.set(r.path, { rel: r.relPath, calls: data.calls });
  }
  // One item per printf line (per service): the model's fact, or the one prepare read off the definition.
  const printfs = new Map<string, { at: Where; service: string; count: number }>();
  for (const r of records) {
    const data = r.data as RewriteRecord;
    if (!data?.calls?.length) continue;
    const at = data.printf ?? fleet.services.find((s) => s.name === data.service)?.facts.logger?.winston?.printfIgnoresMeta;
    if (!at) continue;
    const key = `${data.service}\0${at.file}:${at.line}`;
    const entry = printfs.get(key) ?? { at, service: data.service ?? '', count: 0 };
    entry.count += data.calls.length;
    printfs.set(key, entry);
  }
  for (const { at, service, count } of printfs.values()) {
    items.push({
      transform: NAME,
      path: at.file,
      line: at.line,
      message: `this printf format prints no metadata, so the values of the ${count} console call${count === 1 ? '' : 's'} rewritten in ${service} (now in meta) are not in the log line: print the metadata too (e.g. \${JSON.stringify(meta)} with format.metadata()), or switch to format.json()`,
    });
  }
  items.push(...stderrMovedToStdout(records));
  items.push(...testsObservingConsole(rewritten, fleet));
  return items;
}
