import type { DeployFacts } from '../../src/fleet/types';
import type { Options } from '../../src/types';

/** What the orchestrator allows after SIGTERM when no manifest says (Kubernetes' and ECS's default). */
export const DEFAULT_GRACE_SECONDS = 30;
/** Kept free before the orchestrator's SIGKILL, so the handler's own timeout fires and logs first. */
export const GRACE_MARGIN_MS = 5000;
export const DEFAULT_DRAIN_DELAY_MS = 5000;

export interface Timing {
  /** How long the handler keeps serving after SIGTERM, so load balancers stop routing here first. */
  drainDelayMs: number;
  /** How long closing may take after the drain delay before the handler forces exit 1. */
  timeoutMs: number;
  graceSeconds: number;
  /** Where the grace period comes from, for messages: `kubernetes (k8s/deploy.yaml:20)`. */
  graceSource: string;
  /** Set when the configured timeout and drain delay outlast the grace period. */
  tooLong?: string;
}

/**
 * The handler's timing from the grace period the service really gets: drain delay plus timeout end
 * GRACE_MARGIN_MS before the orchestrator kills the process (30 s grace: 5 s drain, 20 s timeout).
 * A short grace period shrinks the drain delay to at most half of what is left.
 */
export function timingFor(options: Options, deploy: DeployFacts | undefined, describeWhere: (w: { file: string; line: number }) => string): Timing {
  const grace = deploy?.gracePeriod ?? { seconds: DEFAULT_GRACE_SECONDS, source: 'default' as const };
  const graceMs = grace.seconds * 1000;
  const budget = Math.max(graceMs - GRACE_MARGIN_MS, Math.floor(graceMs / 2));
  const drainDelayMs = Math.min(options.drainDelayMs ?? DEFAULT_DRAIN_DELAY_MS, Math.floor(budget / 2));
  const timeoutMs = options.timeoutMs ?? Math.max(1000, budget - drainDelayMs);
  const graceSource = grace.source === 'default' ? 'the default' : `${grace.source}${'where' in grace && grace.where ? ` (${describeWhere(grace.where)})` : ''}`;
  const timing: Timing = { drainDelayMs, timeoutMs, graceSeconds: grace.seconds, graceSource };
  if (drainDelayMs + timeoutMs >= graceMs)
    timing.tooLong = `the shutdown may take ${drainDelayMs + timeoutMs} ms (drainDelayMs + timeoutMs) but the orchestrator kills the process after ${grace.seconds} s (${graceSource}): lower timeoutMs so the handler's own timeout fires first`;
  return timing;
}
