import path from 'node:path';
import type { AstContext } from '../../src/types';
import type { Adopted } from './adopt';

/**
 * The fleet model's request-ID mechanisms of the file's service (other than shipshape's own), as
 * mechanisms to adopt: the model saw every runtime file of the service, so a mechanism set up in
 * another file (pino-http with genReqId in logger.ts, used by app.ts under an imported name) keeps
 * the app from getting a second middleware, and keeps the service's outgoing calls from reading an
 * ID that no middleware would set. Outside a run (no model) this is empty and the file's own
 * finders decide alone.
 */
export function modelMechanisms(ctx: AstContext): Adopted[] {
  const facts = ctx.service?.facts.correlation ?? [];
  return facts
    .filter((f) => f.mechanism !== 'shipshape')
    .map((f) => ({
      text: `${f.mechanism} (${path.relative(ctx.root, f.file).split(path.sep).join('/')}:${f.line})`,
      mechanism: f.mechanism,
      ...(f.header ? { header: f.header } : {}),
      ...(f.requestProperty ? { requestProperty: f.requestProperty } : {}),
    }));
}

/**
 * The model's outgoing calls in this file beyond those the transform's own finders handled (counted
 * per client: an earlier transform may have moved the lines): each is reported, so every call the
 * model knows is forwarded or reported.
 */
export function unhandledOutgoing(ctx: AstContext, handled: Map<string, number>): { line: number; client: string }[] {
  const left = new Map(handled);
  const out: { line: number; client: string }[] = [];
  for (const f of ctx.service?.facts.outgoing ?? []) {
    if (f.file !== ctx.path) continue;
    const n = left.get(f.client) ?? 0;
    if (n > 0) left.set(f.client, n - 1);
    else out.push({ line: f.line, client: f.client });
  }
  return out;
}
