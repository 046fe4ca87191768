import { dockerfileInstructions, type Instruction } from '../../src/deploy/probes';
import type { FileContext } from '../../src/types';
import { execForm, planCommand, shellWords } from './command';

interface Parsed {
  ins: Instruction;
  /** The keyword as written (`CMD`, `cmd`). */
  keyword: string;
  form: 'exec' | 'shell';
  argv: string[] | null;
  text: string;
}

/** The instruction's arguments: a JSON array is the exec form; anything else runs under /bin/sh -c. */
function parse(source: string, ins: Instruction): Parsed {
  const raw = source.slice(ins.start, ins.end);
  const keyword = /^\s*(\w+)/.exec(raw)![1];
  // Continuation lines join into one; comment lines inside an instruction are dropped, as Docker does.
  const text = raw
    .slice(keyword.length)
    .split('\n')
    .filter((l, i) => i === 0 || !/^\s*#/.test(l))
    .map((l) => l.replace(/\r$/, '').replace(/\\\s*$/, ''))
    .join(' ')
    .trim();
  if (text.startsWith('[')) {
    try {
      const argv = JSON.parse(text);
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return { ins, keyword, form: 'exec', argv, text };
    } catch {
      // Docker runs an invalid JSON array in shell form.
    }
  }
  return { ins, keyword, form: 'shell', argv: shellWords(text), text };
}

/**
 * Rewrites the final stage's CMD (or a shell-form ENTRYPOINT, which ignores CMD) into exec form
 * running node directly; an ENTRYPOINT in exec form (tini, a script that execs "$@") runs CMD as its
 * arguments, so CMD is what is judged. Everything outside the rewritten instruction stays as it was.
 */
export function applyDockerfile(source: string, ctx: FileContext, scripts: Record<string, string> | undefined): string {
  const all = dockerfileInstructions(source);
  const from = all.map((i) => i.name).lastIndexOf('FROM');
  const stage = all.slice(from + 1);
  const last = (name: string) => stage.filter((i) => i.name === name).pop();
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
  return source.slice(0, judged.start) + `${parsed.keyword} ${execForm(plan.argv)}` + source.slice(judged.end);
}
