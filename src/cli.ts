import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PRESETS, TRANSFORMS, findTransform } from '../transforms';
import { suggestion } from './config/options';
import { colorDiff } from './report/diff';
import { Progress } from './report/progress';
import { COLOR, PLAIN, formatSummary } from './report/summary';
import type { Mode } from './report/types';
import { formatRolloutLines } from './rollout/git-rollout';
import { formatMarkdown } from './rollout/markdown';
import { writePatchDir } from './rollout/patch-dir';
import { sarifFor } from './rollout/sarif';
import { execute } from './runner/run';
import { removePendingTempFiles } from './runner/write';
import { formatFleetVerbose } from './fleet/role-skips';
import { fleetFor, formatServicesTable } from './fleet/services-command';
import { UsageError, type Transform } from './types';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, changes: 1, error: 2 } as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function useColor(when: string, stream: NodeJS.WriteStream): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  return !!stream.isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
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
  transform: string[];
  dry?: boolean;
  write?: boolean;
  check?: boolean;
  json?: string;
  patch?: string;
  config?: string;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  jobs?: number;
  allowDirty?: boolean;
  format?: boolean;
  color: string;
  quiet?: boolean;
  verbose?: boolean;
  service: string[];
  shard?: string;
  markdown?: string;
  sarif?: string;
  patchDir?: string;
  commit?: boolean;
  branchPerService?: string;
  verify: boolean;
}

function modeOf(flags: RunFlags): Mode {
  const given = (['dry', 'write', 'check'] as const).filter((m) => flags[m]);
  if (given.length > 1) throw new UsageError(`--${given.join(' and --')} cannot be combined: choose one mode`);
  return given[0] ?? 'dry';
}

function writeOut(target: string, text: string): void {
  if (target === '-') process.stdout.write(text);
  else fs.writeFileSync(path.resolve(target), text);
}

async function runCommand(paths: string[], flags: RunFlags): Promise<number> {
  const mode = modeOf(flags);
  const stderrColor = useColor(flags.color, process.stderr);
  const progress = new Progress(process.stderr, !!process.stderr.isTTY && !flags.quiet);
  const reportOnStdout = [flags.json, flags.patch, flags.markdown, flags.sarif].includes('-');
  const outcome = await execute({
    paths,
    mode,
    transforms: flags.transform,
    config: flags.config,
    include: flags.include,
    exclude: flags.exclude,
    gitignore: flags.gitignore,
    jobs: flags.jobs,
    allowDirty: flags.allowDirty,
    format: flags.format,
    services: flags.service,
    shard: flags.shard,
    commit: flags.commit,
    branchPerService: flags.branchPerService,
    verify: flags.verify,
    // Diffs cost a second look at every changed file: skipped when nothing will show one.
    patches: !(flags.quiet || reportOnStdout) || !!flags.patch || !!flags.sarif || !!flags.patchDir,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.clear();
  const diff = outcome.patches.map((p) => p.patch).join('');
  if (flags.patch) writeOut(flags.patch, diff);
  if (flags.json) writeOut(flags.json, JSON.stringify(outcome.report, null, 2) + '\n');
  if (flags.markdown) writeOut(flags.markdown, formatMarkdown(outcome.report));
  if (flags.sarif) writeOut(flags.sarif, JSON.stringify(sarifFor(outcome.report, outcome.patches, version(), process.cwd()), null, 2) + '\n');
  if (flags.patchDir) writePatchDir(path.resolve(flags.patchDir), outcome.report, outcome.patches);
  // The diff is the product of a dry run; with --write it is what was applied. A report on stdout replaces it.
  if (!reportOnStdout && !flags.quiet && diff) {
    process.stdout.write(useColor(flags.color, process.stdout) ? colorDiff(diff) : diff);
  }
  if (flags.verbose && outcome.config.file) process.stderr.write(`config: ${outcome.config.file}\n`);
  if (flags.verbose) process.stderr.write(formatFleetVerbose(outcome.fleet, outcome.roleSkips).join('\n') + '\n');
  const summary = formatSummary(outcome.report, stderrColor ? COLOR : PLAIN, { quiet: flags.quiet, verbose: flags.verbose });
  if (summary) process.stderr.write(summary + '\n');
  const rollout = formatRolloutLines(outcome.report);
  if (rollout.length && !flags.quiet) process.stderr.write(rollout.join('\n') + '\n');
  return outcome.exitCode;
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
    .argument('[paths...]', 'files, folders or globs', [])
    .option('-t, --transform <names>', `comma-separated transforms or presets (${Object.keys(PRESETS).join(', ')}); repeatable; default: core`, collect, [])
    .option('--dry', 'print a unified diff and change nothing (the default)')
    .option('--write', 'apply the changes')
    .option('--check', 'like --dry, but exit 1 when anything would change (CI gate)')
    .option('--json <file>', "write the JSON report to a file ('-' = stdout, then no diff on stdout)")
    .option('--patch <file>', "write the diff to a file that 'git apply' accepts ('-' = stdout)")
    .option('--config <file>', 'config file (default: shipshape.config.json found from the cwd upward, else package.json "shipshape")')
    .option('--include <glob>', 'only files matching (repeatable)', collect, [])
    .option('--exclude <glob>', 'leave files matching out (repeatable)', collect, [])
    .option('--no-gitignore', 'also process files .gitignore excludes')
    .option('--jobs <n>', 'parallel workers (default: available cores; 1 = in-process)', positiveInt)
    .option('--allow-dirty', '--write even when git shows uncommitted changes in the target paths')
    .option('--format', 'run prettier on changed JS/TS files (default: when the project has a prettier config)')
    .option('--no-format', 'never run prettier')
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'))
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'also list skipped files and every transform')
    .option('--service <name>', 'only this service: name, folder or glob (repeatable)', collect, [])
    .option('--shard <i/n>', 'only the i-th of n disjoint shares of the services (CI job matrix)')
    .option('--markdown <file>', "write the per-service table and manual items as Markdown ('-' = stdout)")
    .option('--sarif <file>', "write SARIF 2.1.0 for code scanning ('-' = stdout)")
    .option('--patch-dir <dir>', 'write one <service>.patch per service into a folder')
    .option('--commit', 'with --write: one commit per service on the current branch')
    .option('--branch-per-service <prefix>', 'with --write: a branch <prefix>/<service> per service from HEAD; the working tree stays unchanged')
    .option('--no-verify', 'skip verification (type check and module checks of every change before it is written or shown)')
    .action(async (paths: string[], flags: RunFlags) => {
      process.exitCode = await runCommand(paths, flags);
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
    process.stderr.write('\nshipshape: interrupted\n');
    process.exit(130);
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
