import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { dockerInstructions } from '../deploy/dockerfile';
import { shellWords } from './commands';
import { readJsonFile } from './read';

/**
 * Where `docker build` runs for Dockerfiles no compose file names: what the repository's own build
 * commands say (`docker build -f services/x/Dockerfile .` in package.json scripts, a Makefile, CI
 * workflows), else the folder the Dockerfile's COPY sources are written from. Everything is read as
 * text; nothing is run.
 */

/** A `docker build` found in a script or CI file: the Dockerfile pattern it names, and its context. */
export interface BuildCommand {
  /** Absolute; a variable in it (`$SERVICE`, `${name}`, `$(SVC)`, `<service>`) is `*`. */
  dockerfile: string;
  context: string;
  /** Where it was written, for --verbose and `shipshape services --json`. */
  file: string;
}

// Options of `docker build` / `buildx build` that take a value: the value is not the context.
const VALUE_OPTIONS = new Set([
  '-t', '--tag', '-f', '--file', '--build-arg', '--target', '--platform', '--label', '--cache-from', '--cache-to', '--secret', '--ssh',
  '--network', '--progress', '-o', '--output', '--iidfile', '--build-context', '--add-host', '--memory', '-m', '--shm-size', '--ulimit',
]);

// CI expressions, shell and make variables, placeholders: `${{ matrix.service }}`, `${SVC}`, `$(SVC)`, `$$s`, `<service>`.
const VARIABLE = /\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$+\w+|<[^>\s]+>/g;

/** Every `docker build` command of a text (one command per shell line; `&&`, `;`, `|` end it). */
export function buildCommandsIn(text: string, file: string, base: string): BuildCommand[] {
  const out: BuildCommand[] = [];
  const re = /\bdocker\s+(?:buildx\s+)?build\b([^\n;&|]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // A variable stands for any one name: the Dockerfile becomes a pattern.
    const words = shellWords(m[1].replace(/\\$/, '').replace(VARIABLE, '*'));
    let dockerfile: string | undefined;
    const positional: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const eq = /^(--file|-f)=(.*)$/.exec(w);
      if (eq) dockerfile = eq[2];
      else if (w === '-f' || w === '--file') dockerfile = words[++i];
      else if (VALUE_OPTIONS.has(w)) i++;
      else if (!w.startsWith('-')) positional.push(w);
    }
    const context = positional[positional.length - 1];
    // A URL, stdin (`-`) or variable context holds none of the repository's files as they are here.
    if (!context || /^(https?|git):|^git@|^-$|\*/.test(context)) continue;
    const contextAbs = path.resolve(base, context);
    out.push({ dockerfile: dockerfile ? path.resolve(base, dockerfile) : path.join(contextAbs, 'Dockerfile'), context: contextAbs, file });
  }
  return out;
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The build commands of a repository: the scripts of every package.json given, Makefiles next to
 * them and at the root, GitHub/GitLab CI files at the root (which run from the repository root).
 */
export function findBuildCommands(root: string, packageDirs: string[]): BuildCommand[] {
  const out: BuildCommand[] = [];
  const text = (f: string) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const dir of new Set([root, ...packageDirs])) {
    const scripts = readJsonFile(path.join(dir, 'package.json'))?.scripts;
    if (scripts && typeof scripts === 'object') for (const s of Object.values(scripts)) if (typeof s === 'string') out.push(...buildCommandsIn(s, path.join(dir, 'package.json'), dir));
    for (const name of ['Makefile', 'makefile', 'GNUmakefile']) {
      const t = text(path.join(dir, name));
      if (t) out.push(...buildCommandsIn(t, path.join(dir, name), dir));
    }
  }
  const workflows = path.join(root, '.github', 'workflows');
  const ci = [...listDir(workflows).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(workflows, f)), path.join(root, '.gitlab-ci.yml')];
  for (const f of ci) {
    const t = text(f);
    if (t) out.push(...buildCommandsIn(t, f, root));
  }
  return out;
}

/** One COPY/ADD instruction's operands: its sources as written, its destination, and the stage `--from=` names. */
export function copyParts(args: string): { sources: string[]; dest: string; from?: string } {
  const words = args.trim().startsWith('[') ? safeJsonArray(args) : shellWords(args);
  const from = words.map((w) => /^--from=(.+)$/.exec(w)?.[1]).find(Boolean);
  const operands = words.filter((w) => !w.startsWith('--'));
  return { sources: operands.slice(0, -1).filter((w) => !/^https?:\/\//.test(w)), dest: operands[operands.length - 1] ?? '', ...(from ? { from } : {}) };
}

/** The sources of one COPY/ADD instruction's arguments, as written; none for a copy from another stage or image, or a URL. */
export function copyOperands(args: string): string[] {
  const parts = copyParts(args);
  return parts.from ? [] : parts.sources;
}

function copySources(source: string): string[] {
  return dockerInstructions(source).flatMap((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD' ? copyOperands(ins.args) : []));
}

function safeJsonArray(text: string): string[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return shellWords(text);
  }
}

/** Whether a COPY source exists in a context folder (a glob: when some entry of its folder matches). */
function existsIn(context: string, src: string): boolean {
  const abs = path.resolve(context, src);
  if (!/[*?[]/.test(src)) return fs.existsSync(abs);
  const isMatch = picomatch(path.basename(abs), { dot: true });
  return listDir(path.dirname(abs)).some((e) => isMatch(e));
}

/**
 * The context of a Dockerfile no compose file names. A build command that names it wins; else the
 * folder (the Dockerfile's own, or one above it up to the root) in which the most of its COPY
 * sources exist: `COPY services/x ./` from a Dockerfile in services/x is written from the root.
 * The Dockerfile's folder on a tie, as `docker build services/x` would use it.
 */
export function dockerContextOf(file: string, source: string, root: string, commands: BuildCommand[]): { context: string; why: string } {
  const dir = path.dirname(file);
  const named = commands.find((c) => (c.dockerfile.includes('*') ? picomatch.isMatch(file, c.dockerfile) : c.dockerfile === file));
  if (named) return { context: named.context, why: `docker build in ${path.relative(root, named.file) || named.file}` };
  const sources = copySources(source).filter((s) => !path.isAbsolute(s));
  if (sources.length === 0) return { context: dir, why: "the Dockerfile's folder" };
  let best = { context: dir, hits: sources.filter((s) => existsIn(dir, s)).length };
  for (let d = path.dirname(dir); d.length >= root.length && d !== path.dirname(d); d = path.dirname(d)) {
    const hits = sources.filter((s) => existsIn(d, s)).length;
    if (hits > best.hits) best = { context: d, hits };
    if (d === root) break;
  }
  return best.context === dir ? { context: dir, why: "the Dockerfile's folder" } : { context: best.context, why: 'where its COPY sources are' };
}
