import type { ServiceFacts, ServiceModel } from '../../src/fleet/types';

export interface ServiceSpec extends Partial<Omit<ServiceModel, 'facts'>> {
  facts?: Partial<ServiceFacts>;
}

/** A fleet-model service for tests, at `dir` (default /virtual/repo): what a spec leaves out is empty. */
export function makeService(spec: ServiceSpec = {}, root = '/virtual/repo'): ServiceModel {
  const dir = spec.dir ?? root;
  return {
    name: 'api',
    slug: 'api',
    rel: '',
    isNode: true,
    language: 'typescript',
    moduleSystem: 'esm',
    deploy: { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } },
    buildContext: [dir],
    entries: [],
    workspaceDeps: {},
    sourceRoot: `${dir}/src`,
    roleCounts: {},
    ...spec,
    dir,
    facts: { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [], ...spec.facts },
  };
}
