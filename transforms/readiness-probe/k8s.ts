import { YAML } from '../../src/deploy/yaml';
import { serviceDirAt, type DeploySite } from '../../src/fleet/deploy-sites';
import type { FileContext } from '../../src/types';
import { lineAt } from '../../src/ast/lines';
import { applyEdits, type Edit } from '../healthz-to-health/edits';

/**
 * Kubernetes containers that have a `livenessProbe` and no `readinessProbe` get one on the /ready
 * path, on the liveness probe's port as written, inserted as text right after the liveness block
 * with its indentation: every other byte of the manifest stays. Compose healthchecks are left on
 * /health (compose has no readiness notion).
 */

/** Which services get a /ready route this run, when the fleet model says (absent: the file's own service does). */
export interface ReadyTargets {
  sites: DeploySite[];
  dirs: string[];
  ready: string[];
}

function get(map: any, key: string): any {
  return YAML.isMap(map) ? map.items.find((p: any) => YAML.isPair(p) && YAML.isScalar(p.key) && p.key.value === key) : undefined;
}

export function addReadinessProbes(source: string, ctx: FileContext, targets: ReadyTargets | undefined): string {
  if (!/livenessProbe/.test(source) || /\{\{/.test(source)) return source;
  const docs = YAML.parseAllDocuments(source, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d: any) => d.errors?.length)) return source;
  const edits: Edit[] = [];
  const visit = (node: any) => {
    if (YAML.isSeq(node)) return node.items.forEach(visit);
    if (!YAML.isMap(node)) return;
    const liveness = get(node, 'livenessProbe');
    if (liveness && !get(node, 'readinessProbe') && get(node, 'name')) plan(liveness, node);
    for (const p of node.items) if (YAML.isPair(p)) visit(p.value);
  };
  const plan = (liveness: any, container: any) => {
    const line = lineAt(source, liveness.key.range[0]);
    if (targets && !targets.ready.includes(serviceDirAt(targets.sites, targets.dirs, ctx.path, line) ?? '')) return;
    const port = get(get(liveness.value, 'httpGet')?.value, 'port')?.value;
    const name = get(container, 'name')?.value?.value;
    if (!port?.range) {
      ctx.manual(line, `container ${name ?? ''}: its livenessProbe is not an HTTP probe, so no readinessProbe on ${ctx.options.path} was added; add one (httpGet ${ctx.options.path})`);
      return;
    }
    const keyStart = liveness.key.range[0];
    const indent = source.slice(source.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
    if (/\S/.test(indent)) return; // `- livenessProbe:` as the first key of a list item: not worth guessing
    const httpGet = get(liveness.value, 'httpGet');
    const step = source.slice(source.lastIndexOf('\n', httpGet.key.range[0] - 1) + 1, httpGet.key.range[0]).length - indent.length;
    const unit = ' '.repeat(step > 0 ? step : 2);
    // The liveness block ends where its value node ends; insert at the start of the next line.
    const end = liveness.value.range[1];
    const at = source[end - 1] === '\n' ? end : source.indexOf('\n', end) + 1 || source.length;
    const portText = source.slice(port.range[0], port.range[1]);
    const nl = at === source.length && !source.endsWith('\n') ? '\n' : '';
    const block = `${nl}${indent}readinessProbe:\n${indent}${unit}httpGet:\n${indent}${unit}${unit}path: ${ctx.options.path}\n${indent}${unit}${unit}port: ${portText}\n`;
    edits.push({ start: at, end: at, text: block });
    ctx.changed();
  };
  for (const doc of list) visit(doc.contents);
  return edits.length ? applyEdits(source, edits) : source;
}
