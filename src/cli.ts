import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PRESETS, TRANSFORMS, findTransform } from '../transforms';
import { suggestion } from './config/options';
import { checkOneStdout } from './cli/outputs';
import { useColor } from './report/color';
import { colorDiff } from './report/diff';
import { Progress } from './report/progress';
import { COLOR, PLAIN, formatSummary } from './report/summary';
import type { Mode, Report } from './report/types';
import { formatRolloutLines } from './rollout/git-rollout';
import { formatMarkdown } from './rollout/markdown';
import { formatHtml } from './review/html';
import { formatReadinessMarkdown, readinessOf } from './review/readiness';
import { writePatchDir } from './rollout/patch-dir';
import { sarifFor } from './rollout/sarif';
import { checkTerminal, reviewInteractively } from './review/interactive';
import { execute, refuseDirty, type RunOptions } from './runner/run';
import { filesWritten, removePendingTempFiles } from './runner/write';
import { formatFleetVerbose } from './fleet/role-skips';
import { fleetFor, formatServicesTable } from './fleet/services-command';
import { UsageError, type Transform } from './types';
import { defaultCacheDir } from './verify/cache';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, changes: 1, error: 2, interrupted: 130 } as const;

// No default array on repeatable flags: commander would print `(default: [])` in the help.
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function describeOptions(t: Transform): string[] {
  return Object.entries(t.options).map(([key, spec]) => {
    const def = spec.default === undefined ? '' : ` (default ${JSON.stringify(spec.default)})`;
    const values = spec.enum ? ` one of ${spec.enum.join(' | ')};` : '';
    return `    ${key}: ${spec.type}${def} -${values} ${spec.description}`;
  });
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return pkg.version;
}

interface RunFlags {
  transform?: string[];
  dry?: boolean;
  write?: boolean;
  check?: boolean;
  json?: string;
  patch?: string;
  config?: string;
  include?: string[];
  exclude?: string[];
  gitignore: boolean;
  jobs?: number;
  allowDirty?: boolean;
  format?: boolean;
  color: string;
  quiet?: boolean;
  verbose?: boolean;
  service?: string[];
  listDifferent?: boolean;
  html?: string;
  interactive?: boolean;
  shard?: string;
  markdown?: string;
  sarif?: string;
  patchDir?: string;
  commit?: boolean;
  branchPerService?: string;
  verify: boolean;
  cache: boolean;
  cacheDir?: string;
}

function modeOf(flags: RunFlags): Mode {
  const given = (['dry', 'write', 'check'] as const).filter((m) => flags[m]);
  if (given.length > 1) throw new UsageError(`--${given.join(' and --')} cannot be combined: choose one mode`);
  return given[0] ?? 'dry';
}

function cacheOf(flags: { cache?: boolean; cacheDir?: string }): string | false {
  if (flags.cache === false) return false;
  return flags.cacheDir ? path.resolve(flags.cacheDir) : defaultCacheDir();
}

function writeOut(target: string, text: string): void {
  if (target === '-') process.stdout.write(text);
  else fs.writeFileSync(path.resolve(target), text);
}

/** What a run works on and how, as the flags say: shared by the plain and the interactive run. */
function selection(paths: string[], flags: RunFlags): RunOptions {
  return {
    paths,
    transforms: flags.transform,
    config: flags.config,
    include: flags.include,
    exclude: flags.exclude,
    gitignore: flags.gitignore,
    jobs: flags.jobs,
    format: flags.format,
    services: flags.service,
    shard: flags.shard,
    verify: flags.verify,
    cache: cacheOf(flags),
  };
}

async function runCommand(paths: string[], flags: RunFlags): Promise<number> {
  if (flags.interactive) return interactiveCommand(paths, flags);
  const mode = modeOf(flags);
  checkOneStdout({ '--json': flags.json, '--patch': flags.patch, '--markdown': flags.markdown, '--sarif': flags.sarif, '--html': flags.html, '--list-different': flags.listDifferent ? '-' : undefined });
  const stderrColor = useColor(flags.color, process.stderr);
  const progress = new Progress(process.stderr, !!process.stderr.isTTY && !flags.quiet);
  const reportOnStdout = [flags.json, flags.patch, flags.markdown, flags.sarif, flags.html].includes('-') || !!flags.listDifferent;
  const outcome = await execute({
    ...selection(paths, flags),
    mode,
    allowDirty: flags.allowDirty,
    commit: flags.commit,
    branchPerService: flags.branchPerService,
    // Diffs cost a second look at every changed file: skipped when nothing will show one.
    patches: !(flags.quiet || reportOnStdout) || !!flags.patch || !!flags.sarif || !!flags.patchDir || !!flags.html,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.clear();
  const diff = outcome.patches.map((p) => p.patch).join('');
  if (flags.patch) writeOut(flags.patch, diff);
  if (flags.json) writeOut(flags.json, JSON.stringify(outcome.report, null, 2) + '\n');
  if (flags.markdown) writeOut(flags.markdown, formatMarkdown(outcome.report));
  if (flags.sarif) writeOut(flags.sarif, JSON.stringify(sarifFor(outcome.report, outcome.patches, version(), process.cwd()), null, 2) + '\n');
  if (flags.html) writeOut(flags.html, formatHtml(outcome.report, outcome.patches));
  if (flags.patchDir) writePatchDir(path.resolve(flags.patchDir), outcome.report, outcome.patches);
  // The diff is the product of a dry run; with --write it is what was applied. A report on stdout replaces it.
  if (!reportOnStdout && !flags.quiet && diff) {
    process.stdout.write(useColor(flags.color, process.stdout) ? colorDiff(diff) : diff);
  }
  if (flags.listDifferent) return listDifferent(outcome.report);
  if (flags.verbose && outcome.config.file) process.stderr.write(`config: ${outcome.config.file}\n`);
  if (flags.verbose) process.stderr.write(formatFleetVerbose(outcome.fleet, outcome.roleSkips, outcome.config.transforms['console-to-logger']?.import).join('\n') + '\n');
  const summary = formatSummary(outcome.report, stderrColor ? COLOR : PLAIN, { quiet: flags.quiet, verbose: flags.verbose });
  if (summary) process.stderr.write(summary + '\n');
  const rollout = formatRolloutLines(outcome.report);
  if (rollout.length && !flags.quiet) process.stderr.write(rollout.join('\n') + '\n');
  return outcome.exitCode;
}

/** `-i`: a dry run, then each hunk offered on the terminal; the accepted ones are written. */
async function interactiveCommand(paths: string[], flags: RunFlags): Promise<number> {
  const clash = (['write', 'check', 'listDifferent', 'commit', 'branchPerService'] as const).filter((f) => flags[f]);
  if (clash.length) throw new UsageError(`--interactive writes what you accept and cannot be combined with --${clash[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  checkOneStdout({ '--interactive': '-', '--json': flags.json, '--patch': flags.patch, '--markdown': flags.markdown, '--sarif': flags.sarif, '--html': flags.html });
  checkTerminal(process.stdin, process.stdout);
  if (!flags.allowDirty) refuseDirty(process.cwd(), paths.length ? paths : ['.'], '--interactive');
  const outcome = await execute({ ...selection(paths, flags), mode: 'dry', keepResults: true });
  const color = useColor(flags.color, process.stdout);
  const done = await reviewInteractively(outcome.changedFiles ?? [], { input: process.stdin, output: process.stdout, color });
  const errors = formatSummary(outcome.report, PLAIN, { quiet: true });
  if (errors) process.stderr.write(errors + '\n');
  process.stderr.write(`shipshape: ${done.accepted} hunk${done.accepted === 1 ? '' : 's'} applied, ${done.skipped} skipped; ${done.written.length} file${done.written.length === 1 ? '' : 's'} written\n`);
  return done.failed.length || outcome.report.summary.errors ? EXIT.error : EXIT.ok;
}

/** `-l`, as prettier's: only the paths that would change (or changed), exit 1 when any; errors still on stderr. */
function listDifferent(report: Report): number {
  const changed = report.files.filter((f) => f.status === 'changed');
  for (const f of changed) process.stdout.write(`${f.path}\n`);
  const errors = formatSummary(report, PLAIN, { quiet: true });
  if (errors) process.stderr.write(errors + '\n');
  if (report.summary.errors > 0) return EXIT.error;
  return changed.length > 0 ? EXIT.changes : EXIT.ok;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('shipshape')
    .description('Codemods that make Node.js service fleets production-ready.')
    .version(version())
    .showSuggestionAfterError(true)
    .exitOverride();

  program
    .command('list')
    .description('list every transform: name and what it fixes')
    .option('--verbose', 'also print each option with its type and default')
    .action((flags: { verbose?: boolean }) => {
      const width = Math.max(...TRANSFORMS.map((t) => t.name.length));
      for (const t of TRANSFORMS) {
        process.stdout.write(`${t.name.padEnd(width)}  ${t.summary}\n`);
        if (flags.verbose) process.stdout.write(describeOptions(t).join('\n') + (Object.keys(t.options).length ? '\n' : ''));
      }
      process.stdout.write(`\npresets: ${Object.entries(PRESETS).map(([k, v]) => `${k} (${v.join(', ')})`).join('; ')}\n`);
    });

  program
    .command('services')
    .description('print the fleet model: each service, its entry points, apps, logger, correlation, shutdown handling, resources and files by role')
    .option('--json', 'print the whole model as JSON')
    .option('--config <file>', 'config file (default: found from the cwd upward)')
    .action((flags: { json?: boolean; config?: string }) => {
      const fleet = fleetFor(process.cwd(), flags.config);
      process.stdout.write(flags.json ? JSON.stringify(fleet, null, 2) + '\n' : formatServicesTable(fleet));
    });

  program
    .command('describe')
    .argument('<transform>', 'transform name')
    .description("print a transform's options with their types and defaults")
    .action((name: string) => {
      const t = findTransform(name);
      if (!t) throw new UsageError(`unknown transform '${name}'${suggestion(name, TRANSFORMS.map((x) => x.name))}`);
      process.stdout.write(`${t.name}: ${t.summary}\n\noptions (shipshape.config.json: "transforms": { "${t.name}": { ... } }):\n`);
      process.stdout.write((describeOptions(t).join('\n') || '    (none)') + '\n');
    });

  program
    .command('run')
    .description('run transforms over files, folders or globs (default "."): a dry run unless --write')
    .argument('[paths...]', 'files, folders or globs')
    .option('-t, --transform <names>', `comma-separated transforms or presets (${Object.keys(PRESETS).join(', ')}); repeatable; default: core`, collect)
    .option('--dry', 'print a unified diff and change nothing (the default)')
    .option('--write', 'apply the changes')
    .option('--check', 'like --dry, but exit 1 when anything would change (CI gate)')
    .option('--json <file>', "write the JSON report to a file ('-' = stdout, then no diff on stdout)")
    .option('--patch <file>', "write the diff to a file that 'git apply' accepts ('-' = stdout)")
    .option('--config <file>', 'config file (default: shipshape.config.json found from the cwd upward, else package.json "shipshape")')
    .option('--include <glob>', 'only files matching (repeatable)', collect)
    .option('--exclude <glob>', 'leave files matching out (repeatable)', collect)
    .option('--no-gitignore', 'also process files .gitignore excludes')
    .option('--jobs <n>', 'parallel workers (default: 1 on two cores, else available cores; 1 = in-process)', positiveInt)
    .option('--allow-dirty', '--write even when git shows uncommitted changes in the target paths')
    .option('--format', 'run prettier on changed JS/TS files (default: when the project has a prettier config)')
    .option('--no-format', 'never run prettier')
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'))
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'also list skipped files and every transform')
    .option('--service <name>', 'only this service: name, folder or glob (repeatable)', collect)
    .option('-i, --interactive', 'on a terminal: review hunk by hunk (y/n/a/d/q, ? for help) and write what you accept')
    .option('-l, --list-different', 'print only the paths that would change (with --write: that changed); exit 1 when any')
    .option('--shard <i/n>', 'only the i-th of n disjoint shares of the services (CI job matrix)')
    .option('--markdown <file>', "write the per-service table and manual items as Markdown ('-' = stdout)")
    .option('--sarif <file>', "write SARIF 2.1.0 for code scanning ('-' = stdout)")
    .option('--html <file>', "write a self-contained review page: per-service diffs, manual items, readiness ('-' = stdout)")
    .option('--patch-dir <dir>', 'write one <service>.patch per service into a folder')
    .option('--commit', 'with --write: one commit per service on the current branch')
    .option('--branch-per-service <prefix>', 'with --write: a branch <prefix>/<service> per service from HEAD; the working tree stays unchanged')
    .option('--no-verify', 'skip verification (type check and module checks of every change before it is written or shown)')
    .option('--cache-dir <dir>', 'where verification results are kept across runs (default: $SHIPSHAPE_CACHE_DIR, else ~/.cache/shipshape)')
    .option('--no-cache', 'verify every service again instead of reusing results of earlier runs')
    .action(async (paths: string[], flags: RunFlags) => {
      process.exitCode = await runCommand(paths, flags);
    });
  program
    .command('report')
    .description('the production-readiness review of each service (a dry run of every transform): Markdown on stdout')
    .argument('[paths...]', 'files, folders or globs (default ".")')
    .option('-t, --transform <names>', 'transforms or presets to check with; default: all', collect)
    .option('--config <file>', 'config file (as for run)')
    .option('--service <name>', 'only this service (repeatable)', collect)
    .option('--markdown <file>', "write the Markdown to a file instead of stdout ('-' = stdout)")
    .option('--html <file>', "also write the review page ('-' = stdout)")
    .option('--jobs <n>', 'parallel workers', positiveInt)
    .action(async (paths: string[], flags: { transform?: string[]; config?: string; service?: string[]; markdown?: string; html?: string; jobs?: number }) => {
      const markdown = flags.markdown ?? '-';
      checkOneStdout({ '--markdown': markdown, '--html': flags.html });
      const outcome = await execute({ paths, mode: 'dry', transforms: flags.transform?.length ? flags.transform : ['all'], config: flags.config, services: flags.service, jobs: flags.jobs });
      writeOut(markdown, formatReadinessMarkdown(outcome.report, readinessOf(outcome.report, outcome.patches)));
      if (flags.html) writeOut(flags.html, formatHtml(outcome.report, outcome.patches));
      process.exitCode = outcome.exitCode;
    });
  return program;
}

function fail(message: string): number {
  process.stderr.write(`shipshape: ${message}\n`);
  return EXIT.error;
}

/** Entry point of bin/shipshape.js: never prints a stack trace for bad input. */
export async function main(argv: string[]): Promise<void> {
  process.once('SIGINT', () => {
    // An interrupted --write leaves whole files only: drop temp files, keep renamed ones.
    removePendingTempFiles();
    const n = filesWritten();
    process.stderr.write(`\nshipshape: interrupted; ${n === 1 ? '1 file was' : `${n} files were`} written before the interrupt (each whole), the others are unchanged\n`);
    process.exit(EXIT.interrupted);
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err: any) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander already printed its message.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT.error;
      return;
    }
    if (err instanceof UsageError) {
      process.exitCode = fail(err.message);
      return;
    }
    process.exitCode = fail(`internal error: ${err?.message ?? err} (please report this with the command you ran)`);
    if (process.env.SHIPSHAPE_DEBUG) process.stderr.write(`${err?.stack}\n`);
  }
}
