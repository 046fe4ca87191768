import picomatch from 'picomatch';
import { suggestion } from '../config/options';
import { UsageError } from '../types';
import type { Service } from '../fleet/services';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `--shard <i>/<n>` (1 ≤ i ≤ n), as jest and playwright number shards. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${text}: expected <i>/<n> with 1 ≤ i ≤ n, e.g. --shard 2/4 for the second of four CI jobs`);
  return { index, count };
}

/** Whether a `--service` pattern names the service: its name, slug or folder, exactly or as a glob. */
function matches(pattern: string, s: Service): boolean {
  const candidates = [s.name, s.slug, s.rel].filter(Boolean);
  if (candidates.includes(pattern)) return true;
  const isMatch = picomatch(pattern, { dot: true });
  return candidates.some((c) => isMatch(c));
}

/**
 * The services a run covers: those `--service` patterns name (all without any), then the shard's
 * share. Shards deal the services sorted by name round-robin, so they are disjoint, together cover
 * every service once, differ in size by one at most, and do not depend on discovery order.
 */
export function selectServices(services: Service[], patterns: string[] = [], shard?: Shard): Service[] {
  let chosen = services;
  if (patterns.length) {
    for (const p of patterns) {
      if (!services.some((s) => matches(p, s))) {
        throw new UsageError(`--service ${p}: no service matches${suggestion(p, services.map((s) => s.name))}`);
      }
    }
    chosen = services.filter((s) => patterns.some((p) => matches(p, s)));
  }
  if (!shard) return chosen;
  const sorted = [...chosen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const share = new Set(sorted.filter((_, i) => i % shard.count === shard.index - 1));
  return chosen.filter((s) => share.has(s));
}
