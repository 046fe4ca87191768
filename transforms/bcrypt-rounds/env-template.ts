import { parseEnvFile, replaceValues, type EnvEntry } from '../../src/deploy/env-file';
import { ROUNDS_KEY } from './env-fallbacks';

/** `BCRYPT_SALT_ROUNDS=10` in an env template, quotes and comments kept: the entries to raise. */
export function lowRoundsEntries(source: string, min: number): EnvEntry[] {
  return parseEnvFile(source).filter((e) => ROUNDS_KEY.test(e.key) && /^\d{1,2}$/.test(e.value) && Number(e.value) < min);
}

export function raiseEntries(source: string, entries: EnvEntry[], min: number): string {
  return replaceValues(
    source,
    entries.map((entry) => ({ entry, value: String(min) })),
  );
}
