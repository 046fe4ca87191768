import jscodeshift from 'jscodeshift';
import { moduleBindings } from '../ast/apps';
import { lineAt } from '../ast/lines';
import type { ParsedFile } from './facts';
import type { CorrelationFact } from './types';

const j = jscodeshift.withParser('babel');

const PACKAGES: { modules: string[]; mechanism: CorrelationFact['mechanism']; header?: string; requestProperty?: string }[] = [
  { modules: ['express-request-id'], mechanism: 'express-request-id', header: 'x-request-id', requestProperty: 'id' },
  { modules: ['cls-rtracer'], mechanism: 'cls-rtracer', header: 'x-request-id' },
  { modules: ['nestjs-cls'], mechanism: 'nestjs-cls' },
  { modules: ['koa-requestid', '@fastify/request-id', 'request-id', 'express-request-context', 'connect-rid'], mechanism: 'request-id', header: 'x-request-id' },
];

/** Request-ID mechanisms a runtime file sets up: packages, pino-http genReqId, custom header middleware. */
export function correlationIn(p: ParsedFile): CorrelationFact[] {
  const out: CorrelationFact[] = [];
  for (const pkg of PACKAGES) {
    if (!pkg.modules.some((m) => p.source.includes(m))) continue;
    const b = moduleBindings(j, p.root, pkg.modules);
    if (b.whole.size === 0 && b.named.size === 0) continue;
    const at = p.source.search(new RegExp(pkg.modules.map((m) => m.replace(/[/.@-]/g, '\\$&')).join('|')));
    // `requestId()` from express-request-id, as the older versions export it.
    const requestProperty = pkg.mechanism === 'express-request-id' ? (/attributeName\s*:\s*['"](\w+)['"]/.exec(p.source)?.[1] ?? pkg.requestProperty) : pkg.requestProperty;
    const header = /headerName\s*:\s*['"]([\w-]+)['"]/.exec(p.source)?.[1]?.toLowerCase() ?? pkg.header;
    out.push({ file: p.file, line: lineAt(p.source, Math.max(0, at)), mechanism: pkg.mechanism, ...(header ? { header } : {}), ...(requestProperty ? { requestProperty } : {}) });
  }
  const genReqId = /\bgenReqId\s*[:(]/.exec(p.source);
  if (genReqId && /pino-http|express-pino-logger|fastify/.test(p.source))
    out.push({ file: p.file, line: lineAt(p.source, genReqId.index), mechanism: 'pino-http', requestProperty: 'id', ...headerRead(p.source) });
  const custom = /\breq(?:uest)?\.headers\s*\[\s*['"](x-(?:request|correlation|trace)-id)['"]\s*\]|\.get\s*\(\s*['"](x-(?:request|correlation)-id)['"]\s*\)/i.exec(p.source);
  const sets = /\b(?:setHeader|set|header)\s*\(\s*['"]x-(?:request|correlation)-id['"]/i.test(p.source);
  if (custom && sets && out.length === 0) {
    const prop = /\breq(?:uest)?\.(id|requestId|correlationId|reqId|traceId)\s*=/.exec(p.source)?.[1];
    out.push({ file: p.file, line: lineAt(p.source, custom.index), mechanism: 'custom', header: (custom[1] ?? custom[2]).toLowerCase(), ...(prop ? { requestProperty: prop } : {}) });
  }
  return out;
}

function headerRead(source: string): { header?: string } {
  const m = /headers\s*\[\s*['"](x-[\w-]+)['"]\s*\]/i.exec(source);
  return m ? { header: m[1].toLowerCase() } : {};
}
