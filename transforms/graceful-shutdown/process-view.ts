import path from 'node:path';
import type { ResourceFact, ServiceModel, SignalHandlerFact } from '../../src/fleet/types';

/**
 * What the whole process already does on a signal, from the fleet model's facts about every module
 * of the service's runtime graph: a file alone cannot tell that `shutdownHandler.ts` already handles
 * SIGINT, or that the handler it does see exits before the server drains.
 */
export interface ProcessView {
  /** Signals some module of the process handles. */
  handled: Set<string>;
  /** Every handler the process registers, with what it leaves undone ([] when complete). */
  handlers: { fact: SignalHandlerFact; missing: string[] }[];
  /** The file that gets the process's one new handler; null when any file with a server may. */
  owner: string | null;
}

function rel(service: ServiceModel, file: string): string {
  return path.relative(service.dir, file).split(path.sep).join('/') || path.basename(file);
}

export function where(service: ServiceModel, at: { file: string; line: number }): string {
  return `${rel(service, at.file)}:${at.line}`;
}

/** `this.io`, `SocketService.instance` and `io` all name the same thing as `io` in a handler's closes. */
function lastSegment(name: string): string {
  return name.replace(/\(\)$/, '').split('.').pop() ?? name;
}

/** The object a close call is made on: `db.pool.end()` → `db.pool`; a bare name stays. */
function closedObject(call: string): string {
  const m = /^(.*)\.[\w$]+\(\)$/.exec(call);
  return m ? m[1] : call;
}

export function closesName(fact: SignalHandlerFact, name: string): boolean {
  const wanted = lastSegment(name);
  return fact.closes.some((c) => closedObject(c) === name || lastSegment(closedObject(c)) === wanted);
}

export function closesResource(fact: SignalHandlerFact, resource: ResourceFact): boolean {
  return !!resource.binding && closesName(fact, resource.binding);
}

export function resourceLabel(service: ServiceModel, r: ResourceFact): string {
  // mongoose.connect() keeps its connection on the module: it has no binding of its own.
  const name = r.binding ?? (r.kind === 'mongoose' ? 'the mongoose connection' : `a ${r.kind} client`);
  return `${name} (${r.kind}, ${where(service, r)})`;
}

/** What a handler leaves undone, in the words of a manual item; [] for a complete one. */
function missingOf(service: ServiceModel, fact: SignalHandlerFact, listens: boolean): string[] {
  const missing: string[] = [];
  if (listens && !fact.closesServer) missing.push('it does not close the HTTP server, so in-flight requests are cut off');
  if (fact.closesServer && fact.exitsBeforeClose) missing.push("it calls process.exit before the server's close callback runs, so in-flight requests are cut off");
  const open = service.facts.resources.filter((r) => !closesResource(fact, r));
  if (open.length > 0) missing.push(`it does not close ${open.map((r) => resourceLabel(service, r)).join(', ')}`);
  const fn = fact.inFunction && /^[\w$.]+$/.test(fact.inFunction) ? `${fact.inFunction}()` : 'a function';
  if (fact.inFunction) missing.push(`it is registered inside ${fn}, so every call adds another listener: register it once at module top level`);
  return missing;
}

/** The file whose server gets the new handler: an entry that listens, else the first app that listens. */
function ownerOf(service: ServiceModel): string | null {
  const listening = service.facts.apps.filter((a) => a.listens).map((a) => a.listens!.file);
  if (listening.length === 0) return null;
  const entries = new Set(service.entries.map((e) => e.file));
  return listening.find((f) => entries.has(f)) ?? listening[0];
}

export function processView(service: ServiceModel): ProcessView {
  const listens = service.facts.apps.some((a) => a.listens);
  const handled = new Set(service.facts.signals.map((s) => s.signal));
  const handlers = service.facts.signals.map((fact) => ({ fact, missing: missingOf(service, fact, listens) }));
  return { handled, handlers, owner: ownerOf(service) };
}

/** Whether the process has anything a shutdown must drain or close. */
export function hasWork(service: ServiceModel): boolean {
  return service.facts.apps.some((a) => a.listens) || service.facts.resources.length > 0;
}

export function isEntry(service: ServiceModel, file: string): boolean {
  return service.entries.some((e) => e.file === file);
}

/**
 * A handler that leaves the server open (it closes a client, flushes telemetry, then exits) can be
 * completed without touching what it does: the drain runs first, then it. One that closes the
 * server itself, or is registered in a function, is the author's design: reported instead.
 */
export function canWrap(fact: SignalHandlerFact): boolean {
  return !fact.closesServer && !fact.inFunction;
}

/**
 * Incomplete handlers in a module other than the server's that the server's module completes
 * through the lifecycle module: it registers its drain with onShutdown, they call runShutdown.
 */
export function remoteWraps(view: ProcessView): SignalHandlerFact[] {
  if (!view.owner) return [];
  return view.handlers.filter((h) => h.missing.length > 0 && canWrap(h.fact) && h.fact.file !== view.owner).map((h) => h.fact);
}
