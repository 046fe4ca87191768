/**
 * How a container's start command reaches node, and the exec-form argv that lets SIGTERM reach it.
 * `npm start`, `yarn start` and `/bin/sh -c` sit between the container runtime and node: they do
 * not pass SIGTERM on (npm runs the script under another `sh -c`), so node's handler never runs
 * and the orchestrator kills the task at the end of its grace period.
 */
export type CommandPlan =
  /** Signals reach the program already (or it is not node, and not shipshape's to judge). */
  | { ok: true }
  | { argv: string[]; why: string }
  | { manual: string };

const NODE = /^(\/usr\/(local\/)?bin\/)?node$/;
const INIT = /^(\/(usr\/)?s?bin\/)?(tini|dumb-init)$/;
const SHELL = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash)$/;
const RUNNERS = /^(npm|yarn|pnpm)$/;
// Programs that are not node but are known to start a Node server without passing signals on reliably.
const NOT_NODE = /^(ts-node|ts-node-dev|nodemon|tsx|babel-node|nest|next|npx|concurrently|forever)$/;

/**
 * The words of a shell command without shell syntax: whitespace-separated, with plain single or
 * double quotes. Null when the shell would do more (variables, operators, globs, escapes,
 * redirects): unlike the fleet model's shellWords, which reads what a command starts, this decides
 * whether dropping the shell changes nothing.
 */
export function plainWords(text: string): string[] | null {
  const words: string[] = [];
  const re = /\s*(?:'([^']*)'|"([^"$`\\]*)"|([^\s'"]+))/y;
  const trimmed = text.trim();
  let at = 0;
  while (at < trimmed.length) {
    re.lastIndex = at;
    const m = re.exec(trimmed);
    if (!m) return null;
    const word = m[1] ?? m[2] ?? m[3];
    if (m[3] !== undefined && /[$`&|;<>(){}*?~\\!#]/.test(word)) return null;
    words.push(word);
    at = re.lastIndex;
    while (at < trimmed.length && /\s/.test(trimmed[at])) at++;
  }
  return words;
}

/** `npm start`, `npm run x`, `yarn x`, `pnpm run x` → the script's name; null when the call is more than that. */
function scriptName(argv: string[]): string | null {
  const [tool, first, second, ...rest] = argv;
  if (rest.length > 0) return null;
  if (first === 'start' && second === undefined) return 'start';
  if ((first === 'run' || first === 'run-script') && second && !second.startsWith('-')) return second;
  if (tool === 'yarn' && first && !first.startsWith('-') && second === undefined) return first;
  return null;
}

function fromScript(argv: string[], scripts: Record<string, string> | undefined, depth: number): CommandPlan {
  const shown = argv.join(' ');
  const name = scriptName(argv);
  if (!name) return { manual: `\`${shown}\` starts node through ${argv[0]}, which does not pass SIGTERM on: run node directly in exec form` };
  if (!scripts) return { manual: `\`${shown}\` starts node through ${argv[0]}, which does not pass SIGTERM on, and no package.json says what the script runs: run node directly in exec form` };
  const script = scripts[name];
  if (script === undefined) return { manual: `\`${shown}\` names a script package.json does not have: run node directly in exec form` };
  if (scripts[`pre${name}`] !== undefined)
    return { manual: `\`${shown}\` also runs the pre${name} script (\`${scripts[`pre${name}`]}\`), so node cannot simply replace it: run that at build time and start node directly in exec form` };
  const words = plainWords(script);
  if (!words || words.length === 0) return { manual: `\`${shown}\` runs \`${script}\`, which needs a shell, and the shell does not pass SIGTERM on: start node directly in exec form (or with exec in a start script)` };
  if (words[0].includes('=')) return { manual: `\`${shown}\` runs \`${script}\`, which sets environment variables: set them with ENV/environment and start node directly in exec form` };
  if (RUNNERS.test(words[0]) && depth < 2) return fromScript(words, scripts, depth + 1);
  if (NODE.test(words[0])) return { argv: words, why: `\`${shown}\` runs \`${script}\`` };
  if (NOT_NODE.test(words[0]))
    return { manual: `\`${shown}\` runs \`${script}\` (${words[0]}), a development runner: build the service and start node directly in exec form` };
  return { manual: `\`${shown}\` runs \`${script}\` through ${argv[0]}, which does not pass SIGTERM on: start \`${words[0]}\` directly in exec form if it handles signals` };
}

/**
 * What to run instead of `argv` so SIGTERM reaches node. `viaShell`: the command runs under
 * `/bin/sh -c` (Dockerfile shell form), which does not pass signals on either.
 */
export function planCommand(argv: string[], viaShell: boolean, scripts: Record<string, string> | undefined, depth = 0): CommandPlan {
  if (argv.length === 0) return { ok: true };
  // tini / dumb-init pass signals on to their child: what matters is the child.
  if (INIT.test(argv[0])) {
    const cut = argv.indexOf('--') >= 0 ? argv.indexOf('--') + 1 : 1;
    const child = planCommand(argv.slice(cut), viaShell, scripts, depth);
    return 'argv' in child ? { argv: [...argv.slice(0, cut), ...child.argv], why: child.why } : child;
  }
  if (SHELL.test(argv[0]) && argv[1] === '-c' && argv.length === 3 && depth === 0) {
    const words = plainWords(argv[2]);
    if (!words) return { manual: `\`${argv.join(' ')}\` runs shell syntax under ${argv[0]}, which does not pass SIGTERM on: start node directly in exec form, or put exec before the command` };
    const inner = planCommand(words, false, scripts, depth + 1);
    if ('manual' in inner) return inner;
    return 'argv' in inner ? inner : { argv: words, why: `\`${argv.join(' ')}\` runs it under ${argv[0]}` };
  }
  if (RUNNERS.test(argv[0])) return fromScript(argv, scripts, depth);
  if (NODE.test(argv[0])) return viaShell ? { argv, why: 'the shell form runs it under /bin/sh -c' } : { ok: true };
  return { ok: true };
}

/** `["node", "dist/index.js"]`, as Dockerfiles and compose files write an exec-form command. */
export function execForm(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}
