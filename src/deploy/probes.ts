import path from 'node:path';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { YAML } from './yaml';
import { dockerInstructions } from './dockerfile';
import { lineAt } from '../ast/lines';

/**
 * Where the health probes of a deployment file are: Dockerfile HEALTHCHECK instructions and compose
 * `healthcheck.test` values, as offsets into the file's text, so a transform can rewrite inside them
 * by splicing and leave every other byte (comments, quotes, indentation) as it was.
 */
export interface ProbeSpan {
  /** Offset of the first character of the probe text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line the probe starts on. */
  line: number;
  /**
   * Offset that identifies the probe the span belongs to: the items of one compose list
   * (`["CMD", "curl", "-f", "http://…"]`) share it. Defaults to `start`.
   */
  probe?: number;
}

export function isDockerfile(relPath: string): boolean {
  const base = path.posix.basename(relPath);
  return /^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base);
}

export function isComposeFile(relPath: string): boolean {
  const base = path.posix.basename(relPath);
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(base);
}

/** Each HEALTHCHECK instruction of a Dockerfile with its continuation lines. `HEALTHCHECK NONE` has no probe. */
export function dockerfileHealthchecks(source: string): ProbeSpan[] {
  return dockerInstructions(source)
    .filter((i) => i.keyword === 'HEALTHCHECK' && !/^NONE$/i.test(i.args))
    .map((i) => ({ start: i.start, end: i.end, line: i.line }));
}

export interface ComposeProbes {
  spans: ProbeSpan[];
  /** The YAML parse error, when the file does not parse (then there are no spans). */
  error?: string;
}

/**
 * The scalars of every `healthcheck.test` in a compose file: each item of the list form
 * (`["CMD", "curl", ...]`) or the string form, including healthchecks shared through anchors, aliases
 * and `<<` merges. A span is the scalar's source text, quotes and block-scalar header included.
 */
export function composeHealthchecks(source: string): ComposeProbes {
  const docs = YAML.parseAllDocuments(source);
  const spans = new Map<number, ProbeSpan>();
  for (const doc of docs) {
    if (!(doc instanceof YAML.Document)) continue;
    if (doc.errors.length > 0) return { spans: [], error: doc.errors[0].message.split('\n')[0] };
    const healthchecks: YAMLMap[] = [];
    const addMap = (node: unknown, depth = 0): void => {
      const resolved = YAML.isAlias(node) ? node.resolve(doc) : node;
      if (!YAML.isMap(resolved) || depth > 8) return;
      healthchecks.push(resolved);
      for (const pair of resolved.items) {
        if (YAML.isScalar(pair.key) && pair.key.value === '<<') {
          const sources = YAML.isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const s of sources) addMap(s, depth + 1);
        }
      }
    };
    YAML.visit(doc, {
      Pair(_key, pair) {
        if (YAML.isScalar(pair.key) && pair.key.value === 'healthcheck') addMap(pair.value);
      },
    });
    for (const map of healthchecks) {
      const test = map.items.find((p) => YAML.isScalar(p.key) && p.key.value === 'test')?.value;
      const scalars = YAML.isSeq(test) ? test.items : [test];
      const probe = (test as YamlNode | undefined)?.range?.[0];
      for (const s of scalars) {
        if (!YAML.isScalar(s) || typeof s.value !== 'string' || !s.range) continue;
        spans.set(s.range[0], { start: s.range[0], end: s.range[1], line: lineAt(source, s.range[0]), probe: probe ?? s.range[0] });
      }
    }
  }
  return { spans: [...spans.values()].sort((a, b) => a.start - b.start) };
}

/**
 * Rewrites the text of each span with `rewrite` (which returns the same string when nothing changes)
 * and splices the results back; text outside the spans is untouched.
 */
export function rewriteSpans(source: string, spans: ProbeSpan[], rewrite: (text: string, span: ProbeSpan) => string): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += source.slice(at, span.start) + rewrite(source.slice(span.start, span.end), span);
    at = span.end;
  }
  return out + source.slice(at);
}
