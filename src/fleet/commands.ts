import type { CommandFacts } from './types';

/** Splits a shell command line into words (quotes honoured; no expansion). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** A Dockerfile/compose command as written: the JSON array (exec) form, else the shell form. */
export function commandFacts(text: string, file: string, line: number): CommandFacts {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const argv = JSON.parse(trimmed);
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return { file, line, form: 'exec', argv, text: trimmed };
    } catch {
      // Docker runs a malformed array through the shell, as text.
    }
  }
  return { file, line, form: 'shell', argv: shellWords(trimmed), text: trimmed };
}

/** Options of node-like runners that take a value (`-r dotenv/config`), so the value is not the program. */
const VALUE_FLAGS = new Set(['-r', '--require', '--loader', '--import', '--experimental-loader', '-P', '--project', '--env-file', '-w', '--watch', '--exec', '-e', '--ext', '--ignore', '--inspect-port', '--title', '-C', '--conditions']);
const RUNNERS = new Set(['node', 'nodejs', 'ts-node', 'ts-node-dev', 'tsnd', 'tsx', 'nodemon', 'babel-node', 'bun', 'esno', 'esr', 'swc-node', 'node-dev', 'pm2-runtime']);

/** What a command does when it runs the service. */
export type CommandTarget = { file: string; via: string } | { script: string } | { nest: true } | { fastify: string };

/**
 * The program a command starts: `node -r x dist/index.js`, `tsx watch src/app.ts`, `nodemon src/x.ts`,
 * `fastify start -l info app.js`, `nest start`, or `npm start` / `npm run serve` / `yarn dev` (a
 * script to follow). Commands joined with `&&` or `;` are read in order; the last program wins.
 */
export function commandTargets(argv: string[]): CommandTarget[] {
  const found: CommandTarget[] = [];
  // A shell form wrapped by the image (`sh -c "npm run build && node x"`) is read from inside.
  if ((argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' || argv[0] === '/bin/bash') && argv[1] === '-c' && argv[2]) return commandTargets(shellWords(argv[2]));
  const segments: string[][] = [[]];
  for (const w of argv) {
    if (w === '&&' || w === ';' || w === '||' || w === '|') segments.push([]);
    else if (/[;&]$/.test(w) && w.length > 1) {
      segments[segments.length - 1].push(w.replace(/[;&]+$/, ''));
      segments.push([]);
    } else segments[segments.length - 1].push(w);
  }
  for (let words of segments) {
    // `env X=1 node …`, `cross-env X=1 node …`, `dumb-init node …`, `tini -- node …`, `exec node …`
    while (words.length && (/^[A-Z_][A-Z0-9_]*=/.test(words[0]) || ['env', 'cross-env', 'dotenv', 'dumb-init', 'tini', '--', 'exec', 'npx', 'pnpm exec'].includes(words[0])))
      words = words.slice(1);
    if (words.length === 0) continue;
    const bin = words[0].split('/').pop()!;
    if ((bin === 'npm' || bin === 'pnpm' || bin === 'yarn') && words.length > 1) {
      const rest = words.slice(1).filter((w) => !w.startsWith('-'));
      const script = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : rest[0];
      if (script && !['install', 'ci', 'i', 'build', 'test', 'exec'].includes(script)) found.push({ script });
      continue;
    }
    if (bin === 'nest' && words[1] === 'start') {
      found.push({ nest: true });
      continue;
    }
    if (bin === 'fastify' && words[1] === 'start') {
      const file = programArg(words.slice(2), new Set(['-l', '--log-level', '-p', '--port', '-a', '--address', '-o', '--options', '-r', '--require']));
      if (file) found.push({ fastify: file });
      continue;
    }
    if (bin === 'pm2-runtime' || bin === 'pm2') {
      const file = programArg(words.slice(bin === 'pm2' ? 2 : 1), VALUE_FLAGS);
      if (file) found.push({ file, via: bin });
      continue;
    }
    if (RUNNERS.has(bin)) {
      const rest = words.slice(1).filter((w) => w !== 'watch');
      const file = programArg(rest, VALUE_FLAGS);
      if (file) found.push({ file, via: bin });
    }
  }
  return found;
}

/** The first word that is not an option (or an option's value). */
function programArg(words: string[], valueFlags: Set<string>): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (valueFlags.has(w)) i++;
      continue;
    }
    return /\.[cm]?[jt]sx?$/.test(w) || !/[=:]/.test(w) ? w : undefined;
  }
  return undefined;
}
