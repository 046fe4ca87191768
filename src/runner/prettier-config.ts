import fs from 'node:fs';
import path from 'node:path';

/** The files prettier 3's config search looks for in each folder (its CONFIG_FILES), besides package.json and package.yaml. */
const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yml',
  '.prettierrc.yaml',
  '.prettierrc.json5',
  '.prettierrc.js',
  'prettier.config.js',
  '.prettierrc.ts',
  'prettier.config.ts',
  '.prettierrc.mjs',
  'prettier.config.mjs',
  '.prettierrc.mts',
  'prettier.config.mts',
  '.prettierrc.cjs',
  'prettier.config.cjs',
  '.prettierrc.cts',
  'prettier.config.cts',
  '.prettierrc.toml',
];

/** A package.json or package.yaml that may hold a `prettier` key: one whose text never says `prettier` cannot. */
function mayConfigure(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').includes('prettier');
  } catch {
    return false;
  }
}

/**
 * Whether prettier's search from `dir` up to the file-system root could find a config. False is
 * certain; true only means prettier has to decide. Loading prettier to ask costs about 40 ms of CPU,
 * and most projects have no config, so the run asks it only when this says there may be one.
 */
export function mayHavePrettierConfig(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (CONFIG_FILES.some((name) => fs.existsSync(path.join(d, name)))) return true;
    if (mayConfigure(path.join(d, 'package.json')) || mayConfigure(path.join(d, 'package.yaml'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

/** Whether the project in `dir` has a prettier config, as prettier's own search finds it. */
export async function hasPrettierConfig(dir: string): Promise<boolean> {
  if (!mayHavePrettierConfig(dir)) return false;
  const prettier = await import('prettier');
  return (await prettier.resolveConfigFile(path.join(dir, 'index.js'))) !== null;
}
