import { lineAt } from '../../src/ast/lines';
import { applyEdits as applyEngineEdits } from '../../src/engine/edits';
import type { FileContext } from '../../src/types';
import type { ProbeRecord } from './consistency';
import { keptByComment } from './keep';
import { rewriteCommand, rewriteUrl, type PathPair } from './paths';
import { verdictAt, type HealthPlan } from './plan';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Splices replacements (an empty range: an insertion) into the source through the engine's splicer; everything between them stays byte for byte. */
export function applyEdits(source: string, edits: Edit[]): string {
  return applyEngineEdits(source, edits.map((e) => ({ kind: e.start === e.end ? 'insert' : 'replace', ...e, transform: 'text' })));
}

/** Collects the edits of one file and reports each rewrite and probe. */
export class TextEditor {
  readonly edits: Edit[] = [];
  constructor(
    private readonly source: string,
    private readonly ctx: FileContext,
    private readonly pair: PathPair,
  ) {}

  /** A value that is a path or URL (`/healthz`, `"/healthz"`, `'http://x/healthz'`), quotes kept; `what` '' records no probe. */
  path(start: number, end: number, what: string, folder?: string): void {
    const raw = this.source.slice(start, end);
    const q = /^(['"])(.*)\1$/s.exec(raw);
    const inner = q ? q[2] : raw;
    const r = rewriteUrl(inner, this.pair);
    if (r.count === 0 && !inner.startsWith('/')) {
      // `http://localhost/healthz` style values also go through the command reader.
      this.command(start, end, what, folder);
      return;
    }
    if (r.count > 0 && !this.allowed(start, what)) return this.probe(inner, start, what, folder);
    this.probe(r.text, start, what, folder);
    if (r.count > 0) this.edit(start, end, q ? q[1] + r.text + q[1] : r.text, r.count);
  }

  /** A command or script that probes URLs (curl, wget, `node -e`). */
  command(start: number, end: number, what: string, folder?: string): void {
    const text = this.source.slice(start, end);
    const r = rewriteCommand(text, this.pair);
    const allowed = r.count === 0 || this.allowed(start, what);
    for (const p of allowed ? r.probes : rewriteCommand(text, { from: this.pair.from, to: this.pair.from }).probes) this.probe(p, start, what, folder);
    if (r.count > 0 && allowed) this.edit(start, end, r.text, r.count);
  }

  /**
   * Whether the probe at `offset` may move: not when a comment keeps it, and with a plan only when
   * its service's route moves (held ones are listed in the route's manual item by finalize).
   */
  private allowed(offset: number, what: string): boolean {
    const line = lineAt(this.source, offset);
    this.settled.add(line);
    if (keptByComment(this.source, line)) {
      this.ctx.manual(line, `${what || 'value'} kept on ${this.pair.from} by its comment`);
      return false;
    }
    const verdict = verdictAt(this.ctx.options.$plan as HealthPlan | undefined, this.ctx.path, line);
    if (verdict.action === 'rename') return true;
    if (verdict.action === 'hold') this.ctx.record({ kind: 'held', service: verdict.service, line, what: what || 'value' });
    this.unjudged.add(line);
    return false;
  }

  /** Lines of probes that stay because their service's route stays or is not a Node route: not checked against routes. */
  private readonly unjudged = new Set<number>();
  /** Lines whose old path was looked at and decided on (kept, held): not "left over". */
  private readonly settled = new Set<number>();

  private edit(start: number, end: number, text: string, count: number): void {
    this.edits.push({ start, end, text });
    this.ctx.changed(count);
  }

  private probe(value: string, offset: number, what: string, folder?: string): void {
    if (what === '') return;
    const path = value.replace(/[?#].*$/, '');
    if (!path.startsWith('/') || /[${}]/.test(path)) return;
    if (this.unjudged.has(lineAt(this.source, offset)) || verdictAt(this.ctx.options.$plan as HealthPlan | undefined, this.ctx.path, lineAt(this.source, offset)).action === 'leave') return;
    const record: ProbeRecord = { kind: 'probe', path, line: lineAt(this.source, offset), what };
    if (folder) record.folder = folder;
    this.ctx.record(record);
  }

  /**
   * Lines outside the edits that still hold a URL with the old path (a CI step's curl, a
   * RUN line): reported, not rewritten, since they are not a probe shipshape recognises.
   */
  reportLeftovers(what: string): void {
    const lines = this.source.split('\n');
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      const start = offset;
      offset += lines[i].length + 1;
      if (this.edits.some((e) => e.start < offset && e.end > start) || this.settled.has(i + 1)) continue;
      // A commented-out probe is the author's note: neither edited nor reported.
      if (/^\s*#/.test(lines[i])) continue;
      if (verdictAt(this.ctx.options.$plan as HealthPlan | undefined, this.ctx.path, i + 1).action !== 'rename') continue;
      if (rewriteCommand(lines[i], this.pair).count > 0)
        this.ctx.manual(i + 1, `${what}: a URL with ${this.pair.from} left as is (not a health probe shipshape recognises); change it to ${this.pair.to} if it calls the health route`);
    }
  }

  result(): string {
    return applyEdits(this.source, this.edits);
  }
}
