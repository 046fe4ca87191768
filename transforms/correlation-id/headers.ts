import type { AstContext, FileRecord, PathManualItem } from '../../src/types';
import type { Adopted } from './adopt';

/** What a file tells finalize: the header its service's apps carry the ID in. */
export interface HeaderRecord {
  kind: 'correlation-header';
  service: string;
  header: string;
  /** `shipshape` for the installed middleware, else the adopted mechanism. */
  mechanism: string;
  line: number;
}

/**
 * Each adopted mechanism is reported (the app keeps it, and its handlers must read the ID where it
 * puts it, not req.correlationId) and recorded with its header for the run-level check.
 */
export function reportAdopted(ctx: AstContext, adopted: Adopted[]): void {
  const service = ctx.service?.name ?? '';
  for (const a of adopted) {
    const where = [a.header ? `header ${a.header}` : null, a.requestProperty ? `req.${a.requestProperty}` : null, a.getter ?? null].filter(Boolean).join(', ');
    const read = a.requestProperty ? `req.${a.requestProperty}` : (a.getter ?? 'the ID it sets');
    ctx.manual(
      a.line ?? 0,
      `this app already has request IDs from ${a.text} (${a.mechanism}${where ? `: ${where}` : ''}); shipshape adds no second middleware. Log and forward ${read}${a.header ? ` as ${a.header}` : ''}, not req.correlationId`,
    );
    if (a.header) ctx.record({ kind: 'correlation-header', service, header: a.header, mechanism: a.mechanism, line: a.line ?? 0 } satisfies HeaderRecord);
  }
}

/** The header a file's installed middleware uses, for the same check. */
export function recordInstalled(ctx: AstContext, line: number): void {
  ctx.record({ kind: 'correlation-header', service: ctx.service?.name ?? '', header: ctx.options.header.toLowerCase(), mechanism: 'shipshape', line } satisfies HeaderRecord);
}

/**
 * One manual item when the services of the run carry the ID under different headers: a call from
 * one to another then starts a new ID instead of continuing the caller's.
 */
export function checkHeaders(records: FileRecord[], transform: string): PathManualItem[] {
  const byHeader = new Map<string, { record: FileRecord; data: HeaderRecord; services: Set<string> }>();
  for (const r of records) {
    const data = r.data as HeaderRecord;
    if (data?.kind !== 'correlation-header') continue;
    const entry = byHeader.get(data.header);
    if (entry) entry.services.add(data.service || r.relPath);
    else byHeader.set(data.header, { record: r, data, services: new Set([data.service || r.relPath]) });
  }
  if (byHeader.size < 2) return [];
  const list = [...byHeader].map(([header, e]) => `${header} (${[...e.services].sort().join(', ')})`).join('; ');
  // Reported where a mechanism other than shipshape's is: that is the name a reviewer may choose to keep.
  const at = [...byHeader.values()].find((e) => e.data.mechanism !== 'shipshape') ?? [...byHeader.values()][0];
  return [
    {
      transform,
      path: at.record.path,
      line: at.data.line,
      message: `services carry the correlation ID under different headers: ${list}; calls between them start new IDs. Pick one header (the correlation-id header option, or the adopted library's headerName) for all`,
    },
  ];
}
