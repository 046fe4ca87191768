import fs from 'node:fs';
import path from 'node:path';
import { findProperty } from './objects';

export type HpmApi = 'v2' | 'v3';

// v2 options that v3 dropped, and options only v3 knows.
const V2_ONLY = ['onProxyReq', 'onProxyRes', 'onProxyReqWs', 'onOpen', 'onClose', 'onError', 'logProvider', 'logLevel'];
const V3_ONLY = ['on', 'pathFilter', 'plugins', 'logger', 'ejectPlugins'];

const declared = new Map<string, number | null>();

/** Major version of http-proxy-middleware declared by the nearest package.json between `dir` and `root`. */
function declaredMajor(dir: string, root: string): number | null {
  if (declared.has(dir)) return declared.get(dir)!;
  let major: number | null = null;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const range: unknown = pkg.dependencies?.['http-proxy-middleware'] ?? pkg.devDependencies?.['http-proxy-middleware'];
    const m = typeof range === 'string' ? /(\d+)/.exec(range) : null;
    if (m) major = Number(m[1]);
  } catch {
    // no package.json here: look further up
  }
  const parent = path.dirname(dir);
  if (major === null && dir !== root && parent !== dir && path.relative(root, parent).split(path.sep)[0] !== '..') major = declaredMajor(parent, root);
  declared.set(dir, major);
  return major;
}

/**
 * Which hook API a createProxyMiddleware call takes: v2 `onProxyReq` or v3 `on: { proxyReq }`.
 * The options themselves say it when they use either API, else the package.json that declares the
 * dependency; v3 (current) when nothing tells.
 */
export function hpmApi(options: any, file: string, root: string, legacy: boolean): HpmApi {
  if (legacy) return 'v2';
  if (V3_ONLY.some((k) => findProperty(options, k))) return 'v3';
  if (V2_ONLY.some((k) => findProperty(options, k))) return 'v2';
  const major = declaredMajor(path.dirname(file), root);
  return major !== null && major < 3 ? 'v2' : 'v3';
}
