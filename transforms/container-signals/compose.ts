import path from 'node:path';
import type { Node as YamlNode, Scalar, YAMLMap } from 'yaml';
import { YAML } from '../../src/deploy/yaml';
import { lineAt } from '../../src/ast/lines';
import type { FileContext } from '../../src/types';
import { execForm, planCommand, plainWords } from './command';
import type { ServiceDir } from './service-dir';

function get(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => YAML.isScalar(p.key) && p.key.value === key)?.value;
}

function buildContext(service: YAMLMap): string | null {
  const build = get(service, 'build');
  if (YAML.isScalar(build) && typeof build.value === 'string') return build.value;
  if (YAML.isMap(build)) {
    const context = get(build, 'context');
    return YAML.isScalar(context) && typeof context.value === 'string' ? context.value : '.';
  }
  return null;
}

/** A compose `command:` as argv: compose splits a string itself (no shell); a list is the argv. */
function commandArgv(node: unknown): string[] | null {
  if (YAML.isScalar(node) && typeof node.value === 'string') return plainWords(node.value);
  if (YAML.isSeq(node) && node.items.every((i) => YAML.isScalar(i) && typeof i.value === 'string')) return node.items.map((i) => String((i as Scalar).value));
  return null;
}

/**
 * Rewrites each compose service's `command:` that starts node through npm/yarn/pnpm or `sh -c` into
 * an exec-form list running node directly, and advises `init: true` for services whose code spawns
 * child processes (node as PID 1 does not reap them). Only the command's own text is replaced.
 */
export function applyCompose(source: string, ctx: FileContext, dirOf: (dir: string) => ServiceDir): string {
  const doc = YAML.parseDocument(source);
  if (doc.errors.length > 0) return source;
  const services = doc.get('services', true);
  if (!YAML.isMap(services)) return source;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const pair of services.items) {
    const service = pair.value;
    if (!YAML.isMap(service) || !YAML.isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const context = buildContext(service);
    // An override file (docker-compose.prod.yml) names neither build nor image: the base file builds the folder it is in.
    const override = context === null && get(service, 'image') === undefined;
    const dir = context !== null ? dirOf(path.resolve(path.dirname(ctx.path), context)) : override ? dirOf(path.dirname(ctx.path)) : null;
    const line = pair.key.range ? lineAt(source, pair.key.range[0]) : 0;
    const init = get(service, 'init');
    if (dir?.spawns && !(YAML.isScalar(init) && init.value === true))
      ctx.manual(line, `${name} spawns child processes (${dir.spawns}) and node as PID 1 does not reap them or pass signals on to them: add \`init: true\` to the service`);
    const command = get(service, 'command') as YamlNode | undefined;
    if (!command?.range) continue;
    const argv = commandArgv(command);
    const where = lineAt(source, command.range[0]);
    if (argv === null) {
      if (YAML.isScalar(command)) ctx.manual(where, `${name}: the command needs a shell to run: start node directly (command: ["node", ...]) so it receives SIGTERM`);
      continue;
    }
    const plan = planCommand(argv, false, dir?.scripts);
    if ('manual' in plan) ctx.manual(where, `${name}: ${plan.manual}`);
    else if ('argv' in plan) {
      // A block list's range runs on to the next key's indentation: only the list itself is replaced.
      const end = command.range[0] + source.slice(command.range[0], command.range[1]).trimEnd().length;
      edits.push({ start: command.range[0], end, text: execForm(plan.argv) });
    }
  }
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (edits.length > 0) ctx.changed(edits.length);
  return out;
}
