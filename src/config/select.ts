import { findTransform, PRESETS, TRANSFORMS } from '../../transforms';
import type { Options, Transform } from '../types';
import { UsageError } from '../types';
import type { Config } from './load';
import { resolveOptions, suggestion } from './options';

/**
 * The transforms `-t` names (comma-separated, repeatable, presets `core` and `all`), in registry
 * order whatever order they were given in; the core preset when none is named.
 */
export function selectTransforms(given: string[] | undefined): Transform[] {
  const names = (given ?? []).flatMap((g) => g.split(',')).map((n) => n.trim()).filter(Boolean);
  const wanted = new Set<string>();
  for (const name of names.length ? names : ['core']) {
    if (PRESETS[name]) {
      PRESETS[name].forEach((n) => wanted.add(n));
      continue;
    }
    if (!findTransform(name)) {
      const known = [...TRANSFORMS.map((t) => t.name), ...Object.keys(PRESETS)];
      throw new UsageError(`unknown transform '${name}'${suggestion(name, known)}; 'shipshape list' shows them all`);
    }
    wanted.add(name);
  }
  return TRANSFORMS.filter((t) => wanted.has(t.name));
}

/** Checks every transform section of the config (selected or not: a typo must not pass silently). */
export function checkConfigTransforms(config: Config, sections: { where: string; transforms: Record<string, Options> | undefined }[]): void {
  const known = TRANSFORMS.map((t) => t.name);
  for (const { where, transforms } of sections) {
    for (const [name, opts] of Object.entries(transforms ?? {})) {
      const t = findTransform(name);
      if (!t) throw new UsageError(`${config.file}: ${where}: unknown transform '${name}'${suggestion(name, known)}`);
      resolveOptions(t, opts, `${config.file}: ${where}["${name}"]`);
    }
  }
}

/** Options for each selected transform: defaults, then the config, then `overrides` (a service's). */
export function optionsFor(
  selected: Transform[],
  config: Config,
  overrides?: { where: string; transforms?: Record<string, Options> },
): Record<string, Options> {
  const out: Record<string, Options> = {};
  for (const t of selected) {
    const merged = { ...(config.transforms[t.name] ?? {}), ...(overrides?.transforms?.[t.name] ?? {}) };
    const where = overrides?.transforms?.[t.name] ? overrides.where : `transforms["${t.name}"]`;
    out[t.name] = resolveOptions(t, merged, `${config.file ?? 'options'}: ${where}`);
  }
  return out;
}
