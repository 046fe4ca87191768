import path from 'node:path';
import type { ServiceFacts, ServiceModel } from '../../src/fleet/types';

/**
 * A hand-built fleet model of one service, for transforms that decide from `ctx.service` without
 * building the model from a tree: defaults describe a JavaScript CommonJS service with no facts.
 */
export function serviceModel(dir: string, facts: Partial<ServiceFacts> = {}, more: Partial<ServiceModel> = {}): ServiceModel {
  return {
    name: path.basename(dir),
    slug: path.basename(dir),
    dir,
    rel: '',
    isNode: true,
    language: 'javascript',
    moduleSystem: 'commonjs',
    deploy: { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: 30, source: 'default' } },
    buildContext: [dir],
    entries: [],
    workspaceDeps: {},
    sourceRoot: path.join(dir, 'src'),
    facts: { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [], ...facts },
    roleCounts: {},
    ...more,
  };
}
