import { dockerInstructions, type DockerInstruction } from '../../src/deploy/dockerfile';
import { commandFacts } from '../../src/fleet/commands';
import type { FileContext } from '../../src/types';
import { execForm, planCommand, plainWords } from './command';

interface Parsed {
  ins: DockerInstruction;
  /** The keyword as written (`CMD`, `cmd`). */
  keyword: string;
  form: 'exec' | 'shell';
  /** The words, or null for a shell form using shell syntax. */
  argv: string[] | null;
  text: string;
}

function parse(source: string, ins: DockerInstruction): Parsed {
  const keyword = source.slice(ins.start, ins.start + ins.keyword.length);
  const facts = commandFacts(ins.args, '', ins.line);
  return { ins, keyword, form: facts.form, argv: facts.form === 'exec' ? facts.argv : plainWords(facts.text), text: facts.text };
}

/**
 * Rewrites the final stage's CMD (or a shell-form ENTRYPOINT, which ignores CMD) into exec form
 * running node directly; an ENTRYPOINT in exec form (tini, a script that execs "$@") runs CMD as its
 * arguments, so CMD is what is judged. Everything outside the rewritten instruction stays as it was.
 */
export function applyDockerfile(source: string, ctx: FileContext, scripts: Record<string, string> | undefined): string {
  const all = dockerInstructions(source);
  const from = all.map((i) => i.keyword).lastIndexOf('FROM');
  const stage = all.slice(from + 1);
  const last = (name: string) => stage.filter((i) => i.keyword === name).pop();
  const entry = last('ENTRYPOINT');
  const cmd = last('CMD');
  const judged = entry && (parse(source, entry).form === 'shell' || !cmd) ? entry : cmd;
  if (!judged) return source;
  const parsed = parse(source, judged);
  if (parsed.argv === null) {
    ctx.manual(
      judged.line,
      `${parsed.keyword} runs \`${parsed.text}\` under /bin/sh -c, which does not pass SIGTERM on to node: write it in exec form (${parsed.keyword} ["node", ...]) or put exec before the command`,
    );
    return source;
  }
  if (judged === cmd && entry && parse(source, entry).argv?.some((a) => /^(npm|yarn|pnpm)$/.test(a))) {
    ctx.manual(entry.line, 'ENTRYPOINT starts through a package manager, which does not pass SIGTERM on to node: run node directly in exec form');
    return source;
  }
  const plan = planCommand(parsed.argv, parsed.form === 'shell', scripts);
  if ('manual' in plan) {
    ctx.manual(judged.line, `${parsed.keyword}: ${plan.manual}`);
    return source;
  }
  if ('ok' in plan) return source;
  ctx.changed();
  // The instruction's span ends with its line's \r on CRLF files: the line end stays.
  const end = source[judged.end - 1] === '\r' ? judged.end - 1 : judged.end;
  return source.slice(0, judged.start) + `${parsed.keyword} ${execForm(plan.argv)}` + source.slice(end);
}
