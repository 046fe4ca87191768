import type { Transform } from '../src/types';
import { consoleToLogger } from './console-to-logger';
import { correlationId } from './correlation-id';
import { gracefulShutdown } from './graceful-shutdown';
import { healthzToHealth } from './healthz-to-health';

/**
 * Every transform, in the order they run on a file. The order matters: console-to-logger runs first
 * so graceful-shutdown can log through the logger it added.
 */
export const TRANSFORMS: Transform[] = [consoleToLogger, healthzToHealth, correlationId, gracefulShutdown];

export const PRESETS: Record<string, string[]> = {
  core: ['console-to-logger', 'healthz-to-health', 'correlation-id', 'graceful-shutdown'],
  all: TRANSFORMS.map((t) => t.name),
};

export function findTransform(name: string): Transform | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
