import type { ServiceFacts, ServiceModel } from './types';

/** The facts transforms decide from, found in the service's runtime files. */
export function factsOf(_service: ServiceModel, _runtime: string[], _read: (abs: string) => string | undefined): ServiceFacts {
  return { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] };
}
