import fs from 'node:fs';
import path from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Options } from '../types';
import { UsageError } from '../types';
import { suggestion } from './options';

export const CONFIG_FILE = 'shipshape.config.json';

export interface ServiceConfig {
  name: string;
  path: string;
  transforms?: Record<string, Options>;
}

/** The config as written, checked for shape; transform options are checked later, per transform. */
export interface Config {
  /** The file it came from (for messages), or null when there is none. */
  file: string | null;
  /** Folder relative paths in the config resolve from. */
  dir: string;
  include: string[];
  exclude: string[];
  transforms: Record<string, Options>;
  services?: ServiceConfig[];
  format?: boolean;
  gitignore?: boolean;
}

const KEYS = ['$schema', 'include', 'exclude', 'transforms', 'services', 'format', 'gitignore'];

function findUp(start: string, test: (dir: string) => string | null): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const found = test(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function parseJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err: any) {
    throw new UsageError(`cannot read config ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  }
  // jsonc-parser, unlike JSON.parse on Node 20, says where the error is.
  const errors: ParseError[] = [];
  const value = parseTree(text.replace(/^\uFEFF/, ''), errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || value === undefined) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const before = text.slice(0, offset).split('\n');
    const where = `${before.length}:${before[before.length - 1].length + 1}`;
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
    throw new UsageError(`${file}:${where}: invalid JSON: ${what}; fix the file (it must be plain JSON, no comments or trailing commas)`);
  }
  return getNodeValue(value);
}

function stringArray(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new UsageError(`${where}: expected an array of glob strings, got ${JSON.stringify(value)}`);
  return value;
}

function checkShape(raw: unknown, file: string, prefix: string): Omit<Config, 'file' | 'dir'> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${file}: ${prefix || 'the config'} must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) throw new UsageError(`${file}: unknown key '${prefix}${key}'${suggestion(key, KEYS.slice(1))}`);
  }
  const transforms = obj.transforms ?? {};
  if (typeof transforms !== 'object' || transforms === null || Array.isArray(transforms))
    throw new UsageError(`${file}: '${prefix}transforms' must map transform names to option objects`);
  for (const [name, opts] of Object.entries(transforms)) {
    if (!opts || typeof opts !== 'object' || Array.isArray(opts))
      throw new UsageError(`${file}: ${prefix}transforms["${name}"] must be an object of options`);
  }
  for (const key of ['format', 'gitignore'] as const) {
    if (obj[key] !== undefined && typeof obj[key] !== 'boolean') throw new UsageError(`${file}: '${prefix}${key}' must be true or false`);
  }
  let services: ServiceConfig[] | undefined;
  if (obj.services !== undefined) {
    if (!Array.isArray(obj.services)) throw new UsageError(`${file}: '${prefix}services' must be an array of { "name", "path" } objects`);
    services = obj.services.map((s: any, i: number) => {
      const where = `${file}: ${prefix}services[${i}]`;
      if (!s || typeof s !== 'object') throw new UsageError(`${where} must be an object with "name" and "path"`);
      for (const key of Object.keys(s))
        if (!['name', 'path', 'transforms'].includes(key)) throw new UsageError(`${where}: unknown key '${key}'${suggestion(key, ['name', 'path', 'transforms'])}`);
      if (typeof s.name !== 'string' || !s.name) throw new UsageError(`${where}.name must be a non-empty string`);
      if (typeof s.path !== 'string' || !s.path) throw new UsageError(`${where}.path must be a non-empty string`);
      if (s.transforms !== undefined && (typeof s.transforms !== 'object' || Array.isArray(s.transforms)))
        throw new UsageError(`${where}.transforms must map transform names to option objects`);
      return { name: s.name, path: s.path, transforms: s.transforms };
    });
  }
  return {
    include: stringArray(obj.include, `${file}: ${prefix}include`),
    exclude: stringArray(obj.exclude, `${file}: ${prefix}exclude`),
    transforms: transforms as Record<string, Options>,
    services,
    format: obj.format as boolean | undefined,
    gitignore: obj.gitignore as boolean | undefined,
  };
}

/**
 * Loads the config: an explicit --config file, else shipshape.config.json found from `cwd` upward,
 * else the "shipshape" key of the nearest package.json that has one, else an empty config.
 */
export function loadConfig(cwd: string, explicit?: string): Config {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const raw = parseJson(file);
    const isPackage = path.basename(file) === 'package.json';
    const body = isPackage ? (raw as any)?.shipshape ?? {} : raw;
    return { file, dir: path.dirname(file), ...checkShape(body, file, isPackage ? 'shipshape.' : '') };
  }
  const configFile = findUp(cwd, (dir) => {
    const f = path.join(dir, CONFIG_FILE);
    return fs.existsSync(f) ? f : null;
  });
  if (configFile) return { file: configFile, dir: path.dirname(configFile), ...checkShape(parseJson(configFile), configFile, '') };
  const pkgFile = findUp(cwd, (dir) => {
    const f = path.join(dir, 'package.json');
    if (!fs.existsSync(f)) return null;
    try {
      return (JSON.parse(fs.readFileSync(f, 'utf8')) as any)?.shipshape !== undefined ? f : null;
    } catch {
      return null;
    }
  });
  if (pkgFile) {
    const raw = parseJson(pkgFile) as any;
    return { file: pkgFile, dir: path.dirname(pkgFile), ...checkShape(raw.shipshape, pkgFile, 'shipshape.') };
  }
  return { file: null, dir: path.resolve(cwd), include: [], exclude: [], transforms: {} };
}
