import type { EntryPoint } from './types';

/**
 * Which of a service's entries start the service and which are one-off programs. `bin` commands
 * of a service that also has a start (scripts.start, main, an image's CMD, compose, Kubernetes, Nest,
 * fastify-cli) are tools it ships (a seed, a migration, an admin CLI): what only they reach is
 * tooling. A package whose only entries are `bin` is a CLI: they are its runtime.
 */
export function splitEntries(entries: EntryPoint[]): { runtime: EntryPoint[]; tooling: EntryPoint[] } {
  const tooling = entries.filter((e) => e.from === 'bin');
  const runtime = entries.filter((e) => e.from !== 'bin');
  return runtime.length ? { runtime, tooling } : { runtime: entries, tooling: [] };
}
