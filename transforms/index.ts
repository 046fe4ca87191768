import type { Transform } from '../src/types';
import { bcryptRounds } from './bcrypt-rounds';
import { consoleToLogger } from './console-to-logger';
import { containerSignals } from './container-signals';
import { correlationId } from './correlation-id';
import { envSecrets } from './env-secrets';
import { gracefulShutdown } from './graceful-shutdown';
import { healthcheckLoopback } from './healthcheck-loopback';
import { healthzToHealth } from './healthz-to-health';
import { loggerStdoutOnly } from './logger-stdout-only';
import { pgPoolLimits } from './pg-pool-limits';
import { readinessProbe } from './readiness-probe';

/**
 * Every transform, in the order they run on a file whatever order `-t` names them in. The order
 * matters: console-to-logger runs first so graceful-shutdown can log through the logger it added;
 * healthz-to-health rewrites a probe's path before healthcheck-loopback rewrites its host.
 */
export const TRANSFORMS: Transform[] = [
  consoleToLogger,
  healthzToHealth,
  correlationId,
  gracefulShutdown,
  containerSignals,
  readinessProbe,
  healthcheckLoopback,
  loggerStdoutOnly,
  envSecrets,
  bcryptRounds,
  pgPoolLimits,
];

export const PRESETS: Record<string, string[]> = {
  core: ['console-to-logger', 'healthz-to-health', 'correlation-id', 'graceful-shutdown', 'container-signals'],
  all: TRANSFORMS.map((t) => t.name),
};

export function findTransform(name: string): Transform | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
