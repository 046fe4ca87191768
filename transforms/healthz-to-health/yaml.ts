import { YAML } from '../../src/deploy/yaml';
import type { FileContext } from '../../src/types';
import { lineAt } from '../../src/ast/lines';
import { TextEditor } from './edits';
import { occurrences, type PathPair } from './paths';

/**
 * Probes in YAML (compose, Kubernetes, Helm values, CRDs) and JSON (ECS task definitions,
 * CloudFormation): the `yaml` parser only locates the scalars; the edit is spliced into the text so
 * comments, quoting, indentation and key order stay byte for byte.
 */

const PROBE_KEY = /probe|health|liveness|readiness|startup/i;
const HEALTH_PATH_KEY = /(health|probe|liveness|readiness|startup)[\w.\-/]*?(path|url|uri|endpoint)$/i;
const ENV_KEYS = /^(env|environment)$/i;

type Rule = 'path' | 'command' | null;

/** What a value is, from its key and the keys above it (nearest last). */
export function ruleFor(key: string, ancestors: string[]): Rule {
  const parent = ancestors[ancestors.length - 1] ?? '';
  if (key === 'path' && parent === 'httpGet') return 'path';
  const underProbe = ancestors.some((a) => PROBE_KEY.test(a));
  if (/^(test|command|args|cmd)$/i.test(key) && underProbe) return 'command';
  if (/^(path|url|uri|requestPath|endpoint)$/i.test(key) && underProbe) return 'path';
  if (HEALTH_PATH_KEY.test(key)) return 'path';
  return null;
}

function keyOf(pair: any): string | null {
  return YAML.isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : null;
}

function describeProbe(key: string, ancestors: string[], compose: boolean): string {
  if (compose && ancestors[0] === 'services' && ancestors[1]) return `compose healthcheck of service ${ancestors[1]}`;
  const probe = [...ancestors].reverse().find((a) => PROBE_KEY.test(a));
  return [probe, ...ancestors.slice(ancestors.lastIndexOf(probe ?? '') + 1), key].filter(Boolean).join('.');
}

/** A compose service's build context, relative to the compose file: `build: ./api` or `build: { context: ./api }`. */
function buildContext(service: any): string | undefined {
  if (!YAML.isMap(service)) return undefined;
  const build = service.get('build', true) as any;
  if (YAML.isScalar(build) && typeof build.value === 'string') return build.value;
  if (YAML.isMap(build)) {
    const ctx = build.get('context', true) as any;
    if (YAML.isScalar(ctx) && typeof ctx.value === 'string') return ctx.value;
  }
  return undefined;
}

export function applyYaml(source: string, ctx: FileContext, pair: PathPair, kind: 'compose' | 'yaml' | 'json'): string {
  if (kind !== 'json' && /\{\{/.test(source)) return applyTemplate(source, ctx, pair);
  const docs = YAML.parseAllDocuments(source, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d: any) => d.errors?.length)) {
    if (kind === 'json') return source;
    return applyTemplate(source, ctx, pair);
  }
  const editor = new TextEditor(source, ctx, pair);
  const compose = kind === 'compose';

  const onValue = (value: any, key: string, ancestors: string[], folder: string | undefined, record: boolean, rule: Rule) => {
    const what = record ? describeProbe(key, ancestors, compose) : '';
    const items = YAML.isSeq(value) ? value.items : [value];
    for (const item of items) {
      if (!YAML.isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
      if (rule === 'path') editor.path(item.range[0], item.range[1], what, folder);
      else editor.command(item.range[0], item.range[1], what, folder);
    }
  };

  const walk = (node: any, ancestors: string[], folder: string | undefined) => {
    if (YAML.isSeq(node)) {
      for (const item of node.items) walk(item, ancestors, folder);
      return;
    }
    if (!YAML.isMap(node)) return;
    for (const p of node.items) {
      if (!YAML.isPair(p)) continue;
      const key = keyOf(p);
      if (key === null) continue;
      let f = folder;
      if (compose && ancestors.length === 1 && ancestors[0] === 'services') f = buildContext(p.value);
      const inEnv = ancestors.some((a) => ENV_KEYS.test(a));
      // k8s `env: [{ name: HEALTH_PATH, value: /healthz }]`
      const envName = key === 'value' && inEnv ? (node.get('name') as unknown) : null;
      const rule = typeof envName === 'string' && PROBE_KEY.test(envName) ? 'path' : ruleFor(key, ancestors);
      if (rule && (YAML.isScalar(p.value) || YAML.isSeq(p.value))) onValue(p.value, key, ancestors, f, !inEnv, rule);
      else walk(p.value, [...ancestors, key], f);
    }
  };
  for (const doc of list) walk(doc.contents, [], undefined);
  editor.reportLeftovers(kind === 'compose' ? 'compose file' : kind === 'json' ? 'JSON file' : 'YAML file');
  return editor.result();
}

/**
 * Helm templates (`{{ }}`) are not YAML until rendered: keys and their parents are read off the
 * indentation, line by line, and only single-line values are edited.
 */
function applyTemplate(source: string, ctx: FileContext, pair: PathPair): string {
  const editor = new TextEditor(source, ctx, pair);
  const stack: { indent: number; key: string }[] = [];
  let offset = 0;
  let listOf: { indent: number; key: string; ancestors: string[]; rule: Rule } | null = null;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const m = /^(\s*)(-\s+)?(["']?)([\w.\-/]+)\3:(?:\s+(.*?))?\s*$/.exec(line.replace(/\s+#.*$/, ''));
    const item = /^(\s*)-\s+(.*?)\s*$/.exec(line.replace(/\s+#.*$/, ''));
    if (listOf && item && !m && item[1].length >= listOf.indent) {
      const at = start + line.indexOf(item[2], item[1].length + 1);
      const what = describeProbe(listOf.key, listOf.ancestors, false);
      if (listOf.rule === 'path') editor.path(at, at + item[2].length, what);
      else editor.command(at, at + item[2].length, what);
      continue;
    }
    listOf = null;
    if (!m || /^\s*(#|\{\{)/.test(line)) continue;
    const indent = m[1].length + (m[2]?.length ?? 0);
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const ancestors = stack.map((s) => s.key);
    const key = m[4];
    // `readinessProbe: &probe` opens a mapping like `readinessProbe:` does.
    const value = m[5] && !/^[&|>][\w-]*$/.test(m[5]) ? m[5] : undefined;
    const rule = ruleFor(key, ancestors);
    if (value && rule && !value.includes('{{')) {
      const at = start + line.indexOf(value, m[1].length + (m[2]?.length ?? 0) + key.length + 1);
      const what = describeProbe(key, ancestors, false);
      if (rule === 'path') editor.path(at, at + value.length, what);
      else editor.command(at, at + value.length, what);
    } else if (value && rule && occurrences(value, pair) > 0) {
      ctx.manual(lineAt(source, start), `Helm template: ${key} is computed by a template expression that mentions ${pair.from}; change it to ${pair.to} in the template or its values`);
    } else if (!value && rule) listOf = { indent: m[1].length, key, ancestors, rule };
    if (!value) stack.push({ indent, key });
  }
  editor.reportLeftovers('Helm template');
  return editor.result();
}
