import fs from 'node:fs';
import path from 'node:path';
import type { Service } from './services';
import type { PathManualItem } from '../types';
import { UsageError } from '../types';

/** Services a run-level step could not decide for, with the one manual item each gets. */
export type UndecidedServices = Map<Service, PathManualItem>;

/**
 * Runs a service's run-level step (prepare, generate); a usage error there (an option only the user
 * can set for this service) becomes one manual item on the service's package.json, and the service's
 * files are left for the next run, instead of stopping the run for every other service.
 */
export async function undecidedAsManual<T>(service: Service, undecided: UndecidedServices, step: () => Promise<T[]>): Promise<T[]> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const pkg = path.join(service.dir, 'package.json');
    const reason = err.message.replace(/^service [^:]+\): /, '');
    // Transforms start their messages with their name (`console-to-logger needs…`, `rollout-test: …`).
    const transform = /^([a-z][a-z0-9-]*)[: ]/.exec(reason)?.[1] ?? 'shipshape';
    undecided.set(service, {
      path: fs.existsSync(pkg) ? pkg : service.dir,
      line: 0,
      transform,
      message: `service ${service.name} (${service.rel || '.'}) was not migrated: ${reason}`,
    });
    return [];
  }
}
