import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config/load';
import { checkConfigTransforms, optionsFor, selectTransforms } from '../config/select';
import type { FileTask, ProcessedFile } from '../engine/process-file';
import { wantsFile } from '../engine/transform-file';
import { unifiedDiff } from '../report/diff';
import { lineMapper, segmentsOf } from '../report/hunks';
import { redact } from '../report/redact';
import type { FileReport, Mode, Report } from '../report/types';
import type { GeneratedFile, Options, PathManualItem, PrepareContext, Transform } from '../types';
import { UsageError } from '../types';
import { branchPerService, checkRolloutGit, commitPerService, type NewContents } from '../rollout/git-rollout';
import { forService, optionsByService } from '../rollout/service-options';
import { transformsFor, undecidedAsManual, type UndecidedServices } from '../fleet/undecided';
import { serviceReports } from '../rollout/service-report';
import { discoverServices, serviceLookup } from '../fleet/services';
import { shareTrees, wantedByTransforms } from '../engine/shared-trees';
import { fileFactsCache } from '../fleet/facts-cache';
import { buildFleet } from '../fleet/build';
import { isCodeFile, withEntryScripts } from '../fleet/scripts';
import { roleSkipsOf, type RoleSkip } from '../fleet/role-skips';
import type { FleetModel, ServiceModel } from '../fleet/types';
import { parseShard, selectServices } from '../rollout/shard';
import { discover, toPosix } from './discover';
import { dirtyPaths } from './git';
import { defaultJobs, runTasks, startWorkers, stopWorkers, type StartedWorkers } from './pool';
import { cachedReader } from './cached-reader';
import { SKIPPED_NOTE, verifyRun, type RunVerification } from '../verify';
import { VerificationCache } from '../verify/cache';
import { writeAll } from './write-phase';
import { stopwatch } from './timings';
import { hasPrettierConfig } from './prettier-config';
import { listings } from './walk';

export interface RunOptions {
  /** Files, folders or globs; default ["."]. */
  paths?: string[];
  cwd?: string;
  /** Transform names or presets (`core`, `all`), comma-separated allowed; default: core. */
  transforms?: string[];
  mode?: Mode;
  /** Config file; default: found from cwd upward. */
  config?: string;
  include?: string[];
  exclude?: string[];
  /** Respect .gitignore files; default true. */
  gitignore?: boolean;
  /** Worker threads; 1 = in-process; default: defaultJobs() (1 on two cores, else every core). */
  jobs?: number;
  allowDirty?: boolean;
  /** Prettier on changed JS/TS files; default: when the project has a prettier config. */
  format?: boolean;
  /** Compute each changed file's diff (`patches` of the outcome); default true. Off, a run that shows no diff skips the work. */
  patches?: boolean;
  /** Options per transform, over the config's (programmatic use). */
  transformOptions?: Record<string, Options>;
  /** Only these services: names, slugs or folders, globs allowed (--service). */
  services?: string[];
  /** `<i>/<n>`: the i-th of n disjoint shares of the services (--shard). */
  shard?: string;
  /** With mode write: one commit per service on the current branch (--commit). */
  commit?: boolean;
  /** With mode write: a branch `<prefix>/<service>` per service instead of writing files (--branch-per-service). */
  branchPerService?: string;
  /** Verify changes (types, modules) before writing or showing them; default true (--no-verify). */
  verify?: boolean;
  /** Folder of the verification cache across runs (README, Verification cache); unset or false: none. The CLI sets it unless --no-cache. */
  cache?: string | false;
  onProgress?(done: number, total: number): void;
  /** Return each changed file's original and new text (`changedFiles` of the outcome), for interactive review. */
  keepResults?: boolean;
}

/** A changed or created file's texts: what interactive review applies hunk by hunk. */
export interface ChangedFile {
  path: string;
  relPath: string;
  /** null: the file is created. */
  original: string | null;
  output: string;
  mode?: number;
  redactions?: string[];
}

export interface FilePatch {
  path: string;
  patch: string;
}

export interface RunOutcome {
  report: Report;
  /** Diffs of changed and created files, secrets masked. */
  patches: FilePatch[];
  exitCode: 0 | 1 | 2;
  /** Where options came from, for --verbose. */
  config: Config;
  /** With keepResults. */
  changedFiles?: ChangedFile[];
  /** What shipshape believed about the services of the run. */
  fleet: FleetModel;
  /** Files some selected transforms left alone because of their role (for --verbose). */
  roleSkips: RoleSkip[];
}

function relative(cwd: string, abs: string): string {
  return toPosix(path.relative(cwd, abs));
}

/**
 * Lets one transform with a run-level `prepare` fill in options that depend on the whole service, and
 * returns the files it creates.
 */
async function prepare(t: Transform, scope: Omit<PrepareContext, 'options'>, options: Record<string, Options>): Promise<void> {
  if (t.prepare) options[t.name] = await t.prepare({ ...scope, options: options[t.name] });
}

/** The files a transform creates in one service (after every prepare of that service), given what the others created before it. */
function generate(t: Transform, scope: Omit<PrepareContext, 'options'>, options: Record<string, Options>, created: readonly GeneratedFile[]): GeneratedFile[] {
  if (!t.generate) return [];
  // Files that already exist are never overwritten.
  return t.generate({ ...scope, options: options[t.name], created })
    .filter((g) => !fs.existsSync(g.path))
    .map((g) => ({ ...g, by: t.name }));
}

/** The run's order, except that a transform's generate follows those it names in `generateAfter`. */
export function generateOrder(steps: readonly Transform[]): Transform[] {
  const out: Transform[] = [];
  const visit = (t: Transform, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t.name)) return;
    seen.add(t.name);
    for (const name of t.generateAfter ?? []) {
      const first = steps.find((s) => s.name === name);
      if (first) visit(first, seen);
    }
    out.push(t);
  };
  for (const t of steps) visit(t, new Set());
  return out;
}

/**
 * Under --check a withheld change is not a failure of the gate: nothing can be written until its
 * cause is fixed, so failing would fail every build until then (as eslint after --fix reports what
 * it cannot fix). It is listed with its reason, like a manual item; a file that failed otherwise is
 * still exit 2.
 */
function exitCodeOf(mode: Mode, summary: Report['summary']): 0 | 1 | 2 {
  if (summary.errors - (mode === 'check' ? (summary.withheld ?? 0) : 0) > 0) return 2;
  if (mode === 'check' && summary.changed > 0) return 1;
  return 0;
}

/**
 * Manual items as lines of the file on disk after the run: transforms report lines of the original,
 * and a written file's added import has moved them down.
 */
function onDiskLines(r: ProcessedFile, written: boolean) {
  if (!written || r.status !== 'changed' || r.original === undefined || r.output === undefined || !r.manual.some((m) => m.line > 0)) return r.manual;
  const toWritten = lineMapper(segmentsOf(r.original, r.output));
  return r.manual.map((m) => (m.line > 0 ? { ...m, line: toWritten(m.line) } : m));
}

/** Throws when git shows uncommitted changes in the paths: a rewrite must be reviewable and undoable. */
export function refuseDirty(cwd: string, paths: string[], flag = '--write'): void {
  const dirty = dirtyPaths(cwd, paths);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : '');
    throw new UsageError(
      `refusing to ${flag}: git shows uncommitted changes in ${shown}; commit or stash them first so the rewrite can be reviewed and undone, or pass --allow-dirty`,
    );
  }
}

/** The whole run: config, discovery, transforms (in workers when it pays), writes, report. */
export async function execute(opts: RunOptions = {}): Promise<RunOutcome> {
  // Workers, when the run uses them, load the engine while this thread discovers files and builds the fleet model.
  const started = startWorkers(opts.jobs ?? defaultJobs());
  try {
    return await executeWith(opts, started);
  } finally {
    await stopWorkers(started);
  }
}

async function executeWith(opts: RunOptions, started: StartedWorkers | null): Promise<RunOutcome> {
  const clock = stopwatch();
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const mode: Mode = opts.mode ?? 'dry';
  const config = loadConfig(cwd, opts.config);
  const selected = selectTransforms(opts.transforms);
  checkConfigTransforms(config, [
    { where: 'transforms', transforms: config.transforms },
    ...(config.services ?? []).map((s, i) => ({ where: `services[${i}].transforms`, transforms: s.transforms })),
  ]);
  const options = optionsFor(selected, config);
  for (const [name, given] of Object.entries(opts.transformOptions ?? {})) {
    if (options[name]) options[name] = { ...options[name], ...given };
  }
  const paths = opts.paths?.length ? opts.paths : ['.'];

  // Services: the unit of a rollout. Each file runs with its service's options.
  // One read of each folder for the run's three walks (services, files, the fleet's inventory).
  const folders = listings();
  const services = discoverServices(config, folders);
  const serviceOf = serviceLookup(services);
  const scope = new Set(selectServices(services, opts.services, opts.shard ? parseShard(opts.shard) : undefined));
  // Without --service or --shard every service is in scope: no file needs its service looked up for that.
  const everyService = scope.size === services.length;
  const inScope = (abs: string) => everyService || scope.has(serviceOf(abs));
  const serviceOptions = optionsByService([...scope], selected, config, options, opts.transformOptions);
  checkRolloutGit(cwd, mode, { commit: opts.commit, branchPrefix: opts.branchPerService });
  // --branch-per-service commits the new contents onto branches; the working tree stays as it is.
  const writesFiles = mode === 'write' && opts.branchPerService === undefined;

  if (mode === 'write' && !opts.allowDirty) refuseDirty(cwd, paths);
  clock.end('setupMs');

  // Files no transform claims by name: an entry may still run one as JavaScript (`node bin/www`).
  const unclaimed: string[] = [];
  const astSelected = selected.some((t) => t.ast);
  const { files: discovered, skipped: discoverySkips } = await discover({
    cwd,
    paths,
    include: [
      { patterns: config.include, base: config.dir },
      { patterns: opts.include ?? [], base: cwd },
    ],
    exclude: [
      { patterns: config.exclude, base: config.dir },
      { patterns: opts.exclude ?? [], base: cwd },
    ],
    gitignore: opts.gitignore ?? config.gitignore ?? true,
    ignoreFiles: ['.shipshapeignore'],
    listings: folders,
    wants: (rel, abs) => {
      if (!inScope(abs)) return false;
      if (wantsFile(rel, selected, options)) return true;
      if (astSelected) unclaimed.push(abs);
      return false;
    },
  });

  clock.end('discoveryMs');
  // The fleet model: built once, before any file is transformed, and read by every transform.
  const texts = cachedReader();
  const read = texts.read;
  // Files run in this thread (one job): the fleet's trees of files the transforms will parse are theirs.
  const trees = (opts.jobs ?? defaultJobs()) === 1 ? shareTrees(wantedByTransforms(selected, options)) : null;
  const fleet = buildFleet(config, {
    services,
    files: unclaimed.length ? [...discovered, ...unclaimed] : discovered,
    listings: folders,
    ...(opts.cache ? { factsCache: fileFactsCache(opts.cache, config.dir) } : {}),
    read: (p) => {
      try {
        return read(p);
      } catch {
        return undefined;
      }
    },
  });
  const modelOf = new Map(fleet.services.map((s) => [s.name, s]));
  const files = withEntryScripts(discovered, unclaimed, fleet);
  const isCode = (f: string) => isCodeFile(f, modelOf.get(serviceOf(f).name));
  clock.end('fleetMs');

  // Run-level hooks see one service at a time: in a monorepo each service has its own logger to find.
  const generated: GeneratedFile[] = [];
  const undecided: UndecidedServices = new Map();
  const byService = new Map<ReturnType<typeof serviceOf>, string[]>();
  for (const f of files) {
    const s = serviceOf(f);
    const group = byService.get(s);
    if (group) group.push(f);
    else byService.set(s, [f]);
  }
  for (const [s, own] of serviceOptions) {
    const group = byService.get(s) ?? [];
    // A folder with deployment files only (a Go service, the root's compose file) still gets the
    // run-level decisions of transforms that edit those files (which service a probe belongs to).
    const codeless = !group.some(isCode);
    const steps = codeless ? selected.filter((t) => t.text) : selected;
    if (codeless && (group.length === 0 || !steps.some((t) => t.prepare))) continue;
    // A transform that cannot decide for a service becomes one manual item; the other transforms and services go on.
    const model = modelOf.get(s.name);
    const hookScope = { cwd, root: config.dir, files: group.filter(isCode), read, ...(model ? { service: model } : {}), fleet, transforms: steps.map((t) => t.name) };
    const decided: Transform[] = [];
    // A transform undecided for the service creates nothing there either.
    for (const t of steps) if ((await undecidedAsManual(s, t.name, undecided, () => forService(s, scope.size > 1, () => prepare(t, hookScope, own).then(() => [t])))).length) decided.push(t);
    const mine: GeneratedFile[] = [];
    for (const t of generateOrder(decided)) {
      const created = await undecidedAsManual(s, t.name, undecided, () => forService(s, scope.size > 1, async () => generate(t, hookScope, own, mine)));
      // Two transforms may create the same module (the lifecycle module readiness and shutdown share): once, by the first.
      const fresh = created.filter((g) => !generated.some((x) => x.path === g.path));
      generated.push(...fresh);
      mine.push(...fresh);
    }
  }
  const format = opts.format ?? config.format ?? (await hasPrettierConfig(config.dir));
  clock.end('prepareMs');
  const names = selected.map((t) => t.name);
  // A file no selected transform may change in its role is not even read again.
  const roleSkips = roleSkipsOf(files, selected, fleet, (abs) => relative(cwd, abs));
  const untouchable = new Set(roleSkips.filter((r) => r.all).map((r) => r.path));
  const tasks: FileTask[] = files
    .filter((abs) => !untouchable.has(abs) && transformsFor(serviceOf(abs), names, undecided).length > 0)
    .map((abs) => ({
      path: abs,
      relPath: relative(cwd, abs),
      root: config.dir,
      transforms: transformsFor(serviceOf(abs), names, undecided),
      options: serviceOptions.get(serviceOf(abs)) ?? options,
      format,
      diff: opts.patches ?? true,
      service: serviceOf(abs).name,
      ...(fleet.roles[abs] ? { role: fleet.roles[abs] } : {}),
    }));
  const results = await runTasks(tasks, { jobs: opts.jobs ?? defaultJobs(), onProgress: opts.onProgress, services: fleet.services, known: texts.known, started });
  texts.release();
  trees?.release();
  clock.end('transformMs');

  // Nothing is written, or shown as a change, before verification has seen every planned write.
  const verification = opts.verify === false ? null : verifyPlanned(cwd, results, generated, (abs) => modelOf.get(serviceOf(abs).name)!, fleet.services, opts.cache ? new VerificationCache(opts.cache) : undefined);
  const withheldCreates = generated.filter((g) => verification?.withheld.has(g.path));
  // A module nothing would import is not created either, and that is no failure.
  const unusedCreates = generated.filter((g) => verification?.unused.has(g.path));
  clock.end('verifyMs');
  generated.splice(0, generated.length, ...generated.filter((g) => !withheldCreates.includes(g) && !unusedCreates.includes(g)));
  const writeFailures = writesFiles ? await writeAll(results, generated, serviceOf) : new Map<string, string>();
  for (const r of results) {
    const failure = writeFailures.get(r.path);
    if (failure) {
      r.status = 'error';
      r.error = failure;
    }
  }

  const reports: FileReport[] = [];
  const patches: FilePatch[] = [];
  const byPath = new Map<string, FileReport>();
  const secrets = results.flatMap((r) => r.redactions ?? []);
  for (const skip of discoverySkips) {
    if (!inScope(skip.path)) continue;
    const entry: FileReport = { path: relative(cwd, skip.path), status: 'skipped', changes: {}, manual: [], reason: skip.reason };
    reports.push(entry);
    byPath.set(skip.path, entry);
  }
  for (const r of results) {
    const entry: FileReport = {
      path: r.relPath,
      status: r.status,
      changes: r.status === 'changed' ? r.changes : {},
      manual: onDiskLines(r, writesFiles).map((m) => ({ ...m, message: redact(m.message, r.redactions) })),
    };
    if (r.error) entry.error = r.error;
    if (r.reason) entry.reason = r.reason;
    if (r.suppressed) entry.suppressed = r.suppressed;
    if (verification?.withheld.has(r.path)) entry.withheld = true;
    if (r.status === 'changed' && r.patch) patches.push({ path: r.relPath, patch: redact(r.patch, r.redactions) });
    byPath.set(r.path, entry);
    if (r.status !== 'unchanged' || r.manual.length > 0 || r.suppressed) reports.push(entry);
  }
  for (const g of generated) {
    const rel = relative(cwd, g.path);
    const entry: FileReport = { path: rel, status: 'changed', changes: {}, manual: [], created: true };
    const owner = g.by ?? selected.find((t) => t.generate)?.name;
    if (owner) entry.changes[owner] = 1;
    const failure = writeFailures.get(g.path);
    if (failure) {
      entry.status = 'error';
      entry.error = failure;
    }
    if (opts.patches ?? true) patches.push({ path: rel, patch: unifiedDiff(rel, null, g.content) });
    reports.push(entry);
  }
  for (const g of withheldCreates) {
    reports.push({ path: relative(cwd, g.path), status: 'error', changes: {}, manual: [], created: true, withheld: true, error: verification!.withheld.get(g.path) });
  }

  // Run-level checks (e.g. a probe no route serves) become manual items of the file they point at.
  const runItems: PathManualItem[] = [...undecided.values()].flatMap((own) => [...own.values()]);
  for (const t of selected) {
    if (!t.finalize) continue;
    const records = results.flatMap((r) => (r.records[t.name] ?? []).map((data) => ({ relPath: r.relPath, path: r.path, data })));
    runItems.push(...t.finalize(records, options[t.name], fleet));
  }
  for (const item of runItems) {
    let entry = byPath.get(item.path) ?? reports.find((e) => e.path === relative(cwd, item.path));
    if (!entry) {
      entry = { path: relative(cwd, item.path), status: 'unchanged', changes: {}, manual: [] };
      byPath.set(item.path, entry);
      reports.push(entry);
    }
    if (!reports.includes(entry)) reports.push(entry);
    entry.manual.push({ transform: item.transform, line: item.line, message: item.message });
  }

  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const summary: Report['summary'] = { files: files.length, changed: 0, errors: 0, skipped: 0, manual: 0, changes: {} };
  for (const e of reports) {
    if (e.status === 'changed') summary.changed++;
    if (e.status === 'error') summary.errors++;
    if (e.status === 'skipped') summary.skipped++;
    summary.manual += e.manual.length;
    for (const [name, n] of Object.entries(e.changes)) summary.changes[name] = (summary.changes[name] ?? 0) + n;
    for (const [name, n] of Object.entries(e.suppressed ?? {})) (summary.suppressed ??= {})[name] = (summary.suppressed[name] ?? 0) + n;
  }
  summary.files += generated.length;
  for (const e of reports) e.service = serviceOf(path.resolve(cwd, e.path)).name;
  const report: Report = { version: 1, mode, transforms: names, files: reports, summary, services: serviceReports(reports, [...scope], new Set(files.map(serviceOf))) };
  attachVerification(report, verification);
  report.timings = clock.done();
  if (secrets.length) {
    // Reports never carry a detected secret beyond its first 4 characters.
    for (const e of reports) if (e.error) e.error = redact(e.error, secrets);
  }
  if (opts.commit) commitPerService(cwd, report);
  if (opts.branchPerService !== undefined) {
    const contents: NewContents = new Map(results.filter((r) => r.status === 'changed').map((r) => [r.relPath, { content: r.output!, mode: r.mode }]));
    for (const g of generated) contents.set(relative(cwd, g.path), { content: g.content });
    branchPerService(cwd, report, contents, opts.branchPerService);
  }
  const changedFiles: ChangedFile[] | undefined = opts.keepResults
    ? [
        ...results.filter((r) => r.status === 'changed').map((r) => ({ path: r.path, relPath: r.relPath, original: r.original!, output: r.output!, mode: r.mode, redactions: r.redactions })),
        ...generated.map((g) => ({ path: g.path, relPath: relative(cwd, g.path), original: null, output: g.content })),
      ].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
    : undefined;
  return { report, patches, exitCode: exitCodeOf(mode, summary), config, fleet, roleSkips, changedFiles };
}

/** Runs the verification stage over the run's planned writes and turns each withheld change into an error of its file. */
function verifyPlanned(cwd: string, results: ProcessedFile[], generated: GeneratedFile[], serviceOf: (abs: string) => ServiceModel, services: ServiceModel[], cache?: VerificationCache): RunVerification {
  const planned = [
    ...results.filter((r) => r.status === 'changed').map((r) => ({ path: r.path, original: r.original!, output: r.output! })),
    ...generated.map((g) => ({ path: g.path, original: null, output: g.content })),
  ];
  const verification = verifyRun(cwd, planned, serviceOf, services, cache);
  cache?.prune();
  for (const r of results) {
    const why = verification.withheld.get(r.path);
    if (why) {
      r.status = 'error';
      r.error = `withheld by verification: ${why}`;
      delete r.patch;
    }
  }
  for (const [p, why] of verification.withheld) verification.withheld.set(p, `withheld by verification: ${why}`);
  return verification;
}

/** Each service report gets its verification section; the report says when the stage was skipped. */
function attachVerification(report: Report, verification: RunVerification | null): void {
  if (!verification) {
    report.verification = { skipped: SKIPPED_NOTE, withheld: 0, ms: 0 };
    for (const s of report.services ?? []) s.verification = { skipped: SKIPPED_NOTE, types: { extent: 'none', files: 0, diagnosticsBefore: 0, diagnosticsAfter: 0, newDiagnostics: 0 }, modules: { files: 0, specifiers: 0, problems: 0 }, withheld: [], ms: 0 };
    return;
  }
  report.verification = { withheld: verification.withheld.size, ms: verification.ms, ...(verification.cache ? { cache: { ...verification.cache } } : {}) };
  report.summary.withheld = verification.withheld.size;
  for (const s of report.services ?? []) {
    const v = verification.services.get(s.name);
    if (v) s.verification = v;
  }
}

/** Programmatic API: runs shipshape and returns the JSON report object. */
export async function run(opts: RunOptions = {}): Promise<Report> {
  return (await execute(opts)).report;
}
