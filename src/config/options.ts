import { closest } from 'fastest-levenshtein';
import type { OptionSpec, Options, Transform } from '../types';
import { UsageError } from '../types';

/** " (did you mean 'x'?)" when a known name is close to the misspelt one. */
export function suggestion(name: string, known: string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, known);
  const limit = Math.max(2, Math.floor(best.length / 3));
  if (distance(name, best) <= limit) return ` (did you mean '${best}'?)`;
  // A shortened name (`healthz`, `shutdown`) is far by edit distance but names one transform plainly.
  const containing = name.length >= 3 ? known.filter((k) => k.includes(name.toLowerCase())) : [];
  if (containing.length === 1) return ` (did you mean '${containing[0]}'?)`;
  return ` (known: ${known.join(', ')})`;
}

function distance(a: string, b: string): number {
  // fastest-levenshtein's closest() does not return the distance; recompute it the simple way.
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let k = 1; k <= b.length; k++) {
      const tmp = dp[k];
      dp[k] = Math.min(dp[k] + 1, dp[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function typeError(spec: OptionSpec, value: unknown): string | null {
  const is = (t: string) => typeof value === t;
  switch (spec.type) {
    case 'string':
      return is('string') ? null : 'a string';
    case 'number':
      return is('number') && Number.isFinite(value) ? null : 'a number';
    case 'boolean':
      return is('boolean') ? null : 'true or false';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'an array of strings';
    case 'record':
      return value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
        ? null
        : 'an object of strings';
    case 'string|false':
      return is('string') || value === false ? null : 'a string or false';
    case 'object':
      return value && typeof value === 'object' && !Array.isArray(value) ? null : 'an object';
  }
}

/**
 * Checks a transform's options as given (config file, CLI, per-service override) and fills in the
 * defaults. `where` names the source for messages, e.g. `shipshape.config.json: transforms["x"]`.
 */
export function resolveOptions(transform: Transform, given: Record<string, unknown> | undefined, where: string): Options {
  const out: Options = {};
  const known = Object.keys(transform.options);
  for (const [key, value] of Object.entries(given ?? {})) {
    const spec = transform.options[key];
    if (!spec) throw new UsageError(`${where}: unknown option '${key}' of ${transform.name}${suggestion(key, known)}`);
    const expected = typeError(spec, value);
    if (expected) throw new UsageError(`${where}.${key}: expected ${expected}, got ${JSON.stringify(value)}`);
    if (spec.enum && !spec.enum.includes(value as string))
      throw new UsageError(`${where}.${key}: expected one of ${spec.enum.map((v) => `'${v}'`).join(', ')}, got ${JSON.stringify(value)}${suggestion(String(value), [...spec.enum])}`);
    const custom = spec.validate?.(value);
    if (custom) throw new UsageError(`${where}.${key}: ${custom}`);
    out[key] = value;
  }
  for (const [key, spec] of Object.entries(transform.options)) {
    if (!(key in out) && spec.default !== undefined) out[key] = structuredClone(spec.default);
  }
  return out;
}
