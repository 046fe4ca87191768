import path from 'node:path';
import type { LoggerFact, ServiceModel, Where } from '../../src/fleet/types';
import type { Settings } from './options';

/**
 * Where an Error ends up so that the logger really prints its message and stack:
 * - `key`: under the error key (pino's and bunyan's `err` serializer, the scaffolded logger);
 * - `winston`: winston copies `message` and `stack` only off the meta argument itself, and its JSON
 *   format prints a nested Error as `{}`: an error alone is the meta argument, next to other values
 *   its message and stack are spelled out;
 * - `spelled`: a project logger of unknown behaviour: message and stack spelled out.
 */
export type ErrorPlacement = 'key' | 'winston' | 'spelled';

/** How calls to one service's logger are written: decided once per file from the model and options. */
export interface Profile {
  /** pino and bunyan take the meta object first. */
  metaFirst: boolean;
  errors: ErrorPlacement;
  errorKey: string;
  /** Meta keys the logger owns: a value under one of them would overwrite or garble the record. */
  reserved: Set<string>;
  /** For a project logger: how many parameters each level method takes. */
  params?: Record<string, number>;
  /** The expression read for the correlation ID inside request handlers, or null. */
  correlation: string | null;
  /** Names of the service (normalised): a leading `[tag]` naming one of them is redundant. */
  serviceNames: Set<string>;
  /** Which logger this is and why, for --verbose and manual items. */
  describe: string;
  /** A winston printf format that prints no metadata, where it is written. */
  printf?: Where;
}

const RESERVED = {
  winston: ['message', 'level', 'timestamp'],
  pino: ['msg', 'level', 'time', 'pid', 'hostname'],
  bunyan: ['msg', 'level', 'time', 'pid', 'hostname', 'name', 'v'],
  scaffold: ['message', 'level', 'time'],
};

/** `Payment Service`, `payment-service`, `@acme/payment_service` → `payment`: case, spaces, hyphens and a `service` suffix ignored. */
export function normaliseServiceName(name: string): string {
  const bare = name.replace(/^@[^/]+\//, '').toLowerCase().replace(/[\s_\-./]+/g, '');
  const stripped = bare.replace(/(?:micro)?(?:service|svc)$/, '');
  return stripped || bare;
}

function serviceNamesOf(service: ServiceModel | undefined, logger: LoggerFact | undefined): Set<string> {
  const names = new Set<string>();
  if (!service) return names;
  const add = (n?: string) => {
    if (n) names.add(normaliseServiceName(n));
  };
  add(service.name);
  add(service.package?.name);
  add(path.basename(service.dir));
  add(logger?.serviceName);
  names.delete('');
  return names;
}

/** The request property the service's own correlation mechanism sets, when a handler can read it. */
function correlationOf(settings: Settings, service: ServiceModel | undefined): string | null {
  if (settings.correlationId === false) return null;
  if (typeof settings.correlationId === 'string') return settings.correlationId;
  // No model: the transform's documented default for Express-style handlers.
  if (!service) return 'req.correlationId';
  if (service.facts.logger?.addsCorrelationId) return null;
  for (const c of service.facts.correlation) {
    if (c.requestProperty) return `req.${c.requestProperty}`;
    if (c.mechanism === 'shipshape') return 'req.correlationId';
  }
  return null;
}

function libraryOf(settings: Settings, logger: LoggerFact | undefined): LoggerFact['library'] {
  if (settings.styleGiven) return settings.style;
  if (settings.scaffold) return 'scaffold';
  return logger?.library ?? settings.style;
}

/** The call shape for this file's logger: its library (from the model, else the `style` option) decides. */
export function profileOf(settings: Settings, service: ServiceModel | undefined): Profile {
  const logger = service?.facts.logger;
  const library = libraryOf(settings, logger);
  const metaFirst = library === 'pino' || library === 'bunyan';
  const errorKey = settings.errorKey ?? (metaFirst ? 'err' : 'error');
  let errors: ErrorPlacement;
  // errorKey names the key; where the error goes stays the logger's business (winston prints a nested Error as {}).
  if (metaFirst || library === 'scaffold') errors = 'key';
  else if (library === 'custom') errors = 'spelled';
  else errors = 'winston';
  const reserved = new Set(library === 'bunyan' ? RESERVED.bunyan : library === 'scaffold' ? RESERVED.scaffold : metaFirst ? RESERVED.pino : RESERVED.winston);
  // Paths relative to the service, as `shipshape services` shows them.
  const shown = (m: string) => (service && path.isAbsolute(m) ? path.relative(service.dir, m) || m : m);
  const describe = logger
    ? `${library} logger '${logger.exportName}' from ${shown(logger.module)}${logger.why ? ` (${logger.why})` : ''}`
    : settings.scaffold
      ? `the ${library === 'scaffold' ? 'JSON-lines' : library} logger shipshape creates at ${shown(settings.import)} (the service has no logger)`
      : `${library} logger '${settings.name}' from ${shown(settings.import)} (configured)`;
  return {
    metaFirst,
    errors,
    errorKey,
    reserved,
    params: library === 'custom' ? logger?.methods : undefined,
    correlation: correlationOf(settings, service),
    serviceNames: serviceNamesOf(service, logger),
    printf: logger?.winston?.printfIgnoresMeta,
    describe,
  };
}
