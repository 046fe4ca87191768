import { dependsOn } from '../../src/fleet/package';
import type { AppFact, FleetModel } from '../../src/fleet/types';
import type { FileContext, FileRecord, PathManualItem } from '../../src/types';

/**
 * An app the service creates that no file the model read listens on: nothing gets a shutdown
 * handler, and saying nothing would read as "nothing to do". Each file with such an app records it
 * (apply and scan); finalize reports it unless another service's process listens on the same app
 * (a workspace package whose app a service starts).
 */

/** Apps something else starts: fastify-cli loads the plugin and listens itself. */
const STARTED_ELSEWHERE = new Set<AppFact['framework']>(['fastify-plugin']);
/** Adapters that run an app as a function (AWS Lambda, Netlify, Google Cloud Functions): no server to drain. */
const SERVERLESS = ['serverless-http', 'aws-serverless-express', '@vendia/serverless-express', '@codegenie/serverless-express', '@netlify/functions', '@google-cloud/functions-framework', '@azure/functions'];

interface UnlistenedRecord {
  unlistened: { line: number; framework: string; service: string; entries: string[] };
}

/** Records each app of this file when the service's model saw no listen at all. */
export function recordUnlistened(ctx: FileContext): void {
  const service = ctx.service;
  if (!service || service.facts.apps.some((a) => a.listens)) return;
  if (SERVERLESS.some((d) => dependsOn(service.package, d))) return;
  for (const app of service.facts.apps) {
    if (app.file !== ctx.path || STARTED_ELSEWHERE.has(app.framework)) continue;
    const record: UnlistenedRecord = { unlistened: { line: app.line, framework: app.framework, service: service.name, entries: service.entries.map((e) => e.detail) } };
    ctx.record(record);
  }
}

function listenedElsewhere(fleet: FleetModel | undefined, file: string, line: number): boolean {
  return !!fleet?.services.some((s) => s.facts.apps.some((a) => a.file === file && a.line === line && a.listens));
}

/** One manual item per app no process of the fleet listens on. */
export function unlistenedItems(records: FileRecord[], transform: string, fleet?: FleetModel): PathManualItem[] {
  const items: PathManualItem[] = [];
  for (const r of records) {
    const u = (r.data as Partial<UnlistenedRecord>)?.unlistened;
    if (!u || listenedElsewhere(fleet, r.path, u.line)) continue;
    const read = u.entries.length ? `its entries (${u.entries.join('; ')}) and the files they import` : 'its files (no entry point was found)';
    items.push({
      path: r.path,
      line: u.line,
      transform,
      message:
        `this ${u.framework} app of ${u.service} is created here, but no listen on it was found in ${read}, so no shutdown handler was added: ` +
        'check what starts the service; if a file shipshape did not read calls listen, name it in package.json "scripts.start" or "main" and run again, or give that file a SIGTERM handler that closes the server',
    });
  }
  return items;
}
