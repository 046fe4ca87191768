import fs from 'node:fs';
import { findTransform } from '../../transforms';
import { unifiedDiff } from '../report/diff';
import type { Options, Transform } from '../types';
import type { FileRole, ServiceModel } from '../fleet/types';
import { isCodeFile } from '../fleet/scripts';
import { transformFile, type FileResult } from './transform-file';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface FileTask {
  path: string;
  relPath: string;
  root: string;
  transforms: string[];
  options: Record<string, Options>;
  /** Run prettier (the project's config) over changed JS/TS files. */
  format: boolean;
  /** Compute the diff of a changed file. */
  diff: boolean;
  /**
   * The file's service, by name (the models reach each worker once, not with every file), and its
   * role; both absent without a fleet model.
   */
  service?: string;
  role?: FileRole;
}

/** Service models by name, as a run hands them to the thread that processes its files. */
export type ServicesByName = ReadonlyMap<string, ServiceModel>;

/** The engine's answer for one file: the result plus what the main thread needs to show and write it. */
export interface ProcessedFile extends FileResult {
  /** The original text, when changed (the main thread writes `output` over it only if unchanged since). */
  original?: string;
  /** The file's diff, when changed. */
  patch?: string;
  mode?: number;
}

function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0);
}

function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  const lines = text.split('\n', 200);
  const long = lines.filter((l) => l.length > 1000).length;
  return long > 0 && long >= lines.length / 10;
}

const transformCache = new Map<string, Transform[]>();
function transformsNamed(names: string[]): Transform[] {
  const key = names.join(',');
  let list = transformCache.get(key);
  if (!list) {
    list = names.map((n) => findTransform(n)!);
    transformCache.set(key, list);
  }
  return list;
}

let prettier: typeof import('prettier') | null = null;

/**
 * Formats a changed file with the project's prettier config, but only a file that already follows
 * it: reformatting a file that never did would bury the rewrite in a diff of unrelated lines.
 */
async function formatWithPrettier(file: string, original: string, text: string): Promise<string> {
  prettier ??= await import('prettier');
  const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
  const options = { ...config, filepath: file };
  if (!(await prettier.check(original, options))) return text;
  return prettier.format(text, options);
}

/**
 * Reads, checks, transforms and (optionally) formats one file. Never throws for the file's content.
 * `known` is the file's text as this run already read it (UTF-8), so the file is not read twice.
 */
export async function processFile(task: FileTask, services?: ServicesByName, known?: string): Promise<ProcessedFile> {
  const base: ProcessedFile = { path: task.path, relPath: task.relPath, status: 'unchanged', changes: {}, manual: [], records: {} };
  let stat: fs.Stats;
  let source: string;
  try {
    stat = fs.statSync(task.path);
    if (stat.size > MAX_FILE_BYTES) return { ...base, status: 'skipped', reason: `larger than 2 MB (${(stat.size / 1048576).toFixed(1)} MB)` };
    // UTF-8 decodes only a 0 byte to U+0000: a known text without one is no binary file. With one,
    // the bytes decide, as for any file.
    if (known !== undefined && !known.includes('\0')) source = known;
    else {
      const buf = fs.readFileSync(task.path);
      if (looksBinary(buf)) return { ...base, status: 'skipped', reason: 'binary file' };
      source = buf.toString('utf8');
    }
  } catch (err: any) {
    return { ...base, status: 'error', error: `cannot read: ${err.code ?? err.message}` };
  }
  const service = task.service === undefined ? undefined : services?.get(task.service);
  const code = isCodeFile(task.path, service);
  if (code && looksMinified(source)) return { ...base, status: 'skipped', reason: 'minified file' };

  let result: ProcessedFile;
  try {
    const input = { path: task.path, relPath: task.relPath, root: task.root, source, ...(service ? { service } : {}), ...(task.role ? { role: task.role } : {}) };
    result = transformFile(input, transformsNamed(task.transforms), task.options);
  } catch (err: any) {
    // A transform bug must cost one file, not the run.
    return { ...base, status: 'error', error: `internal error: ${err?.message ?? err}; the file was left unchanged, please report this` };
  }
  if (result.status !== 'changed' || result.output === undefined) return result;
  if (task.format && code) {
    try {
      result.output = await formatWithPrettier(task.path, source, result.output);
    } catch {
      // Formatting is a courtesy: the unformatted result already parsed.
    }
  }
  result.original = source;
  result.mode = stat.mode;
  if (task.diff) result.patch = unifiedDiff(task.relPath, source, result.output);
  return result;
}
