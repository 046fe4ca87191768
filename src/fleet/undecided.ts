import fs from 'node:fs';
import path from 'node:path';
import type { Service } from './services';
import type { PathManualItem } from '../types';
import { UsageError } from '../types';

/**
 * Transforms a run-level step could not decide for, per service, with the one manual item each gets.
 * Only that transform is left out of the service: the others still migrate it.
 */
export type UndecidedServices = Map<Service, Map<string, PathManualItem>>;

/**
 * Runs one transform's run-level step (prepare, generate) for a service; a usage error there (an
 * option only the user can set for this service) becomes one manual item on the service's
 * package.json, and that transform leaves the service's files for the next run, instead of stopping
 * the run for every other service or the other transforms of this one.
 */
export async function undecidedAsManual<T>(service: Service, transform: string, undecided: UndecidedServices, step: () => Promise<T[]>): Promise<T[]> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const pkg = path.join(service.dir, 'package.json');
    const reason = err.message.replace(/^service [^:]+\): /, '');
    let own = undecided.get(service);
    if (!own) undecided.set(service, (own = new Map()));
    own.set(transform, {
      path: fs.existsSync(pkg) ? pkg : service.dir,
      line: 0,
      transform,
      message: `service ${service.name} (${service.rel || '.'}): ${transform} was not applied (its other transforms were): ${reason}`,
    });
    return [];
  }
}

/** The transforms of the run that still apply to a service. */
export function transformsFor(service: Service, names: string[], undecided: UndecidedServices): string[] {
  const dropped = undecided.get(service);
  return dropped ? names.filter((n) => !dropped.has(n)) : names;
}
