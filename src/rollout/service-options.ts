import type { Config } from '../config/load';
import { optionsFor } from '../config/select';
import type { Options, Transform } from '../types';
import { UsageError } from '../types';
import type { Service } from '../fleet/services';

/**
 * Each covered service's transform options: the run's, with the service's config overrides merged
 * over them (then the programmatic `given` options, which win everywhere). Every service gets a
 * record of its own because run-level `prepare` hooks fill options in per service.
 */
export function optionsByService(
  scope: Service[],
  selected: Transform[],
  config: Config,
  base: Record<string, Options>,
  given: Record<string, Options> = {},
): Map<Service, Record<string, Options>> {
  return new Map(
    scope.map((s) => {
      if (!s.transforms) return [s, { ...base }];
      const own = optionsFor(selected, config, { where: s.where!, transforms: s.transforms });
      for (const [name, opts] of Object.entries(given)) if (own[name]) own[name] = { ...own[name], ...opts };
      return [s, own];
    }),
  );
}

/** Runs a run-level step for one service; with several services, a usage error names the service. */
export async function forService<T>(service: Service, several: boolean, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (several && err instanceof UsageError) throw new UsageError(`service ${service.name} (${service.rel || '.'}): ${err.message}`);
    throw err;
  }
}
