import path from 'node:path';
import { resolveOptions } from './config/options';
import { transformFile } from './engine/transform-file';
import type { Transform } from './types';

function parseCliValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Wraps a shipshape transform as a standard jscodeshift transform, so
 * `jscodeshift -t node_modules/shipshape/dist/transforms/console-to-logger.js --import=@acme/shared src`
 * works. Options come from jscodeshift's `--name=value` flags (JSON values are parsed); manual items
 * go to jscodeshift's report.
 */
export function toJscodeshift(transform: Transform) {
  return async function jscodeshiftTransform(file: { path: string; source: string }, api: { report(msg: string): void }, cliOptions: Record<string, unknown> = {}) {
    const given: Record<string, unknown> = {};
    for (const key of Object.keys(transform.options)) if (key in cliOptions) given[key] = parseCliValue(cliOptions[key]);
    let options = resolveOptions(transform, given, `jscodeshift options of ${transform.name}`);
    const abs = path.resolve(file.path);
    const root = process.cwd();
    if (transform.prepare) {
      options = await transform.prepare({ cwd: root, root, files: [abs], options, read: () => file.source });
    }
    const result = transformFile({ path: abs, relPath: file.path, root, source: file.source }, [transform], { [transform.name]: options });
    for (const item of result.manual) api.report(`${file.path}:${item.line} ${item.message}`);
    if (result.status === 'error') throw new Error(`${file.path}: ${result.error}`);
    return result.status === 'changed' ? result.output : undefined;
  };
}
