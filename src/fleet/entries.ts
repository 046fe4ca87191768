import path from 'node:path';
import { commandTargets, shellWords, type CommandTarget } from './commands';
import { resolveFile } from './graph';
import { dependsOn } from './package';
import { contextPathOf } from './image-paths';
import type { DeployFacts, DockerfileFacts, EntryPoint, EntrySource, PackageFacts, TsconfigFacts } from './types';

export interface EntryInputs {
  dir: string;
  package?: PackageFacts;
  tsconfig?: TsconfigFacts;
  deploy: DeployFacts;
  exists(abs: string): boolean;
  /** Whether a path an entry names is an entry script: JavaScript without a JavaScript extension (`bin/www`); see scripts.ts. */
  script?(abs: string): boolean;
}

const BUILD_FOLDERS = ['dist', 'build', 'lib', 'out'];

/**
 * The source file behind a path a command runs: itself when it is a source file, else a compiled
 * `dist/` path mapped back through tsconfig outDir → rootDir (or `src/`, the usual layout).
 */
export function sourceOf(abs: string, inputs: EntryInputs): string | undefined {
  const { dir, tsconfig, exists } = inputs;
  const direct = located(abs, inputs);
  const outDir = tsconfig?.outDir;
  if (direct && !(outDir && direct.startsWith(outDir + path.sep))) return direct;
  const stem = (p: string) => p.replace(/\.[cm]?jsx?$/, '');
  const candidates: string[] = [];
  if (outDir && abs.startsWith(outDir + path.sep)) {
    const rel = stem(path.relative(outDir, abs));
    if (tsconfig?.rootDir) candidates.push(path.join(tsconfig.rootDir, rel));
    candidates.push(path.join(dir, 'src', rel), path.join(dir, rel));
  }
  const relToDir = path.relative(dir, abs).split(path.sep);
  if (BUILD_FOLDERS.includes(relToDir[0])) {
    const rest = stem(relToDir.slice(1).join(path.sep));
    candidates.push(path.join(dir, 'src', rest), path.join(dir, rest));
  }
  for (const c of candidates) {
    const found = resolveFile(c, exists);
    if (found && !(outDir && found.startsWith(outDir + path.sep))) return found;
  }
  return direct;
}

/** The file a path names as Node resolves it, or the path itself when it is an entry script. */
function located(abs: string, inputs: EntryInputs): string | undefined {
  return resolveFile(abs, inputs.exists) ?? (inputs.script?.(abs) ? abs : undefined);
}

/** A source file the model knows, or an entry script. */
function isSource(abs: string, inputs: EntryInputs): boolean {
  return inputs.exists(abs) || !!inputs.script?.(abs);
}

/** Where an image's command runs relative paths from: the WORKDIR, which `COPY . .` fills with the service folder. */
function fromWorkdir(file: string, dir: string, workdir: string | undefined): string {
  if (!path.isAbsolute(file)) return path.resolve(dir, file);
  if (workdir && file.startsWith(workdir.replace(/\/$/, '') + '/')) return path.resolve(dir, file.slice(workdir.replace(/\/$/, '').length + 1));
  return path.resolve(dir, file.replace(/^\/+/, ''));
}

/**
 * The file an image's command runs: its path in the image mapped back through the COPY that put it
 * there (`COPY catalog-service/ ./catalog-service/` built from the repository root), else, for a
 * file no copy reaches (built in the image), taken from the WORKDIR as `COPY . .` would fill it.
 */
function fromImage(file: string, d: DockerfileFacts, inputs: EntryInputs): string {
  const copied = d.imageCopies && contextPathOf(path.posix.resolve(d.workdir ?? '/', file), d.imageCopies);
  const source = copied && sourceOf(copied, inputs);
  return source && isSource(source, inputs) ? copied! : fromWorkdir(file, inputs.dir, d.workdir);
}

// bin/www first: the Express generator's starter, which requires app.js (also a conventional name).
const CONVENTIONAL = ['bin/www', 'src/index', 'src/main', 'src/server', 'src/app', 'index', 'server', 'main', 'app', 'src/worker', 'worker'];

/**
 * A service's entry points, in the order of the issue: scripts.start, main/bin/exports, Dockerfile
 * CMD/ENTRYPOINT, compose and Kubernetes commands, Nest's main.ts, fastify-cli's app; conventional
 * names only when nothing else named one.
 */
export function entryPoints(inputs: EntryInputs): EntryPoint[] {
  const { dir, package: pkg, deploy } = inputs;
  const found: EntryPoint[] = [];
  const add = (file: string | undefined, from: EntrySource, detail: string) => {
    if (!file) return;
    const source = sourceOf(file, inputs);
    if (source && !found.some((e) => e.file === source)) found.push({ file: source, from, detail });
  };
  const followed = new Set<string>();
  const fromCommand = (targets: CommandTarget[], from: EntrySource, detail: string, base: (f: string) => string) => {
    for (const t of targets) {
      if ('file' in t) add(base(t.file), from, detail);
      else if ('fastify' in t) add(base(t.fastify), 'fastify-cli', detail);
      else if ('nest' in t) add(path.join(dir, 'src', 'main.ts'), 'nest', detail);
      else if ('script' in t) script(t.script, from === 'scripts.start' ? from : from);
    }
  };
  const script = (name: string, from: EntrySource) => {
    const text = pkg?.scripts[name];
    if (!text || followed.has(name)) return;
    followed.add(name);
    fromCommand(commandTargets(shellWords(text)), from, `scripts.${name}: ${text}`, (f) => path.resolve(dir, f));
  };
  if (pkg?.scripts.start) script('start', 'scripts.start');
  if (pkg?.main) add(path.resolve(dir, pkg.main), 'main', `main: ${pkg.main}`);
  for (const [name, file] of Object.entries(pkg?.bin ?? {})) add(path.resolve(dir, file), 'bin', `bin.${name}: ${file}`);
  const exported = exportTarget(pkg?.exports);
  if (exported) add(path.resolve(dir, exported), 'exports', `exports: ${exported}`);
  for (const d of deploy.dockerfiles) {
    const argv = [...(d.entrypoint?.argv ?? []), ...(d.cmd?.argv ?? [])];
    if (argv.length) fromCommand(commandTargets(argv), 'dockerfile', `${path.basename(d.file)}: ${[d.entrypoint?.text, d.cmd?.text].filter(Boolean).join(' ')}`, (f) => fromImage(f, d, inputs));
  }
  for (const c of deploy.compose) if (c.command) fromCommand(commandTargets(c.command.argv), 'compose', `compose ${c.name}: ${c.command.text}`, (f) => fromWorkdir(f, dir, undefined));
  for (const k of deploy.kubernetes) if (k.command) fromCommand(commandTargets(k.command), 'kubernetes', `container ${k.container}: ${k.command.join(' ')}`, (f) => fromWorkdir(f, dir, undefined));
  if (dependsOn(pkg, '@nestjs/core')) add(path.join(dir, 'src', 'main.ts'), 'nest', 'a Nest application (src/main.ts)');
  if (found.length === 0) {
    for (const name of CONVENTIONAL) {
      const file = located(path.join(dir, name), inputs);
      if (file) {
        add(file, 'convention', `conventional name ${path.relative(dir, file)}`);
        break;
      }
    }
  }
  return found.filter((e) => isSource(e.file, inputs));
}

/** The file `exports` names for `.` (a string, or the require/import/node/default condition). */
function exportTarget(exp: unknown): string | undefined {
  if (typeof exp === 'string') return exp;
  if (!exp || typeof exp !== 'object') return undefined;
  const obj = exp as Record<string, unknown>;
  const dot = '.' in obj ? obj['.'] : Object.keys(obj).some((k) => k.startsWith('.')) ? undefined : obj;
  if (typeof dot === 'string') return dot;
  if (dot && typeof dot === 'object') {
    for (const k of ['node', 'require', 'import', 'default']) {
      const v = exportTarget((dot as Record<string, unknown>)[k]);
      if (v) return v;
    }
  }
  return undefined;
}
