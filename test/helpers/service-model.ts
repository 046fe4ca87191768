import path from 'node:path';
import type { ServiceFacts, ServiceModel } from '../../src/fleet/types';
import { makeService } from './service';

/**
 * A hand-built fleet model of one service, for transforms that decide from `ctx.service` without
 * building the model from a tree: defaults describe a JavaScript CommonJS service with no facts.
 */
export function serviceModel(dir: string, facts: Partial<ServiceFacts> = {}, more: Partial<ServiceModel> = {}): ServiceModel {
  const name = path.basename(dir);
  return makeService({ name, slug: name, dir, language: 'javascript', moduleSystem: 'commonjs', sourceRoot: path.join(dir, 'src'), ...more, facts: { ...facts, ...more.facts } }, dir);
}
