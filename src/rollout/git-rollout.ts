import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileReport, Report, ServiceReport } from '../report/types';
import { git, isGitRepo } from '../runner/git';
import { UsageError } from '../types';
import { ROOT_SERVICE } from '../fleet/services';

export interface RolloutGitOptions {
  /** --commit: one commit per service on the current branch. */
  commit?: boolean;
  /** --branch-per-service <prefix>: one branch `<prefix>/<slug>` per service, the current branch untouched. */
  branchPrefix?: string;
}

/** The new content of a changed or created file, by its path relative to the cwd. */
export type NewContents = Map<string, { content: string; mode?: number }>;

function fail(what: string, res: { stderr: string } | null): never {
  throw new UsageError(`${what} failed: ${res ? res.stderr.trim() || 'no output' : 'git is not installed or not on the PATH'}`);
}

function run(cwd: string, args: string[], what: string): string {
  const res = git(cwd, args);
  if (!res?.ok) fail(what, res);
  return res.stdout;
}

/** git with extra environment and stdin, for the plumbing that builds a commit in a private index. */
function plumbing(cwd: string, args: string[], env: Record<string, string>, what: string, input?: string): string {
  const res = git(cwd, args, { env, input });
  if (!res?.ok) fail(what, res);
  return res.stdout;
}

/**
 * Checks before anything is written: the flags go together, the cwd is in a git repository with a
 * commit to start from, and the branch prefix is a valid branch name. (The dirty-tree rule is the
 * runner's --write rule.)
 */
export function checkRolloutGit(cwd: string, mode: string, opts: RolloutGitOptions): void {
  if (!opts.commit && opts.branchPrefix === undefined) return;
  const flag = opts.commit ? '--commit' : '--branch-per-service';
  if (opts.commit && opts.branchPrefix !== undefined)
    throw new UsageError(
      '--commit and --branch-per-service cannot be combined: --commit commits each service on the current branch, --branch-per-service leaves it alone and puts each service on its own branch; choose one',
    );
  if (mode !== 'write') throw new UsageError(`${flag} needs --write (a dry run or --check commits nothing)`);
  if (!isGitRepo(cwd)) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not inside one (run 'git init' and commit first, or leave out ${flag})`);
  if (opts.branchPrefix !== undefined) {
    if (!git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])?.ok)
      throw new UsageError('--branch-per-service starts each branch from HEAD, and this repository has no commit yet: commit first');
    const probe = `${opts.branchPrefix}/service`;
    if (!opts.branchPrefix || !git(cwd, ['check-ref-format', '--branch', probe])?.ok)
      throw new UsageError(`--branch-per-service '${opts.branchPrefix}': not a valid branch prefix (git check-ref-format rejects '${probe}')`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The changed files of a service (written or, for branches, computed), sorted. */
function changedFiles(report: Report, service: ServiceReport): FileReport[] {
  return report.files.filter((f) => f.service === service.name && f.status === 'changed');
}

/** `chore(<service>): <transforms>` (`chore(root)` for files outside every service) and the service's summary: counts per transform, files, manual items. */
export function commitMessage(report: Report, service: ServiceReport): string {
  const files = changedFiles(report, service);
  const transforms = report.transforms.filter((t) => (service.changes[t] ?? 0) > 0);
  const scope = service.name === ROOT_SERVICE ? service.slug : service.name;
  const lines = [`chore(${scope}): ${transforms.join(', ') || 'shipshape'}`, ''];
  lines.push(`shipshape: ${plural(files.length, 'file')} changed${service.path ? ` in ${service.path}` : ''}`);
  const width = Math.max(0, ...transforms.map((t) => t.length));
  for (const t of transforms) lines.push(`  ${t.padEnd(width)}  ${plural(service.changes[t], 'change')}`);
  const manual = report.files.filter((f) => f.service === service.name).flatMap((f) => f.manual.map((m) => ({ f, m })));
  if (manual.length) {
    lines.push('', `manual review: ${plural(manual.length, 'item')}`);
    for (const { f, m } of manual) lines.push(`  ${f.path}${m.line ? `:${m.line}` : ''}  ${m.transform}  ${m.message}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * --commit, after the files were written: per service with changes, stages exactly its changed
 * files and commits only those paths (anything the user had staged stays staged, uncommitted).
 */
export function commitPerService(cwd: string, report: Report): void {
  const done: string[] = [];
  for (const service of report.services ?? []) {
    const paths = changedFiles(report, service).map((f) => f.path);
    if (!paths.length) continue;
    try {
      run(cwd, ['add', '--', ...paths], `git add for service ${service.name}`);
      run(cwd, ['commit', '-q', '--no-edit', '-m', commitMessage(report, service), '--only', '--', ...paths], `git commit for service ${service.name}`);
    } catch (err: any) {
      const sofar = done.length ? `; committed so far: ${done.join(', ')}` : '';
      throw new UsageError(`${err.message}${sofar}; the remaining changes are written but not committed`);
    }
    service.commit = run(cwd, ['rev-parse', 'HEAD'], 'git rev-parse').trim();
    done.push(service.name);
  }
}

/** `<prefix>/<slug>` for every service with changes. */
export function branchNames(report: Report, prefix: string): Map<ServiceReport, string> {
  const out = new Map<ServiceReport, string>();
  for (const s of report.services ?? []) if (changedFiles(report, s).length) out.set(s, `${prefix}/${s.slug}`);
  return out;
}

/**
 * --branch-per-service: for each service with changes, a commit on HEAD holding only that
 * service's new files, built in a private index (GIT_INDEX_FILE) from the computed contents and
 * pointed at by a new branch. Neither the working tree, the index nor the current branch changes.
 * Refuses before creating anything when a target branch exists.
 */
export function branchPerService(cwd: string, report: Report, contents: NewContents, prefix: string): void {
  const branches = branchNames(report, prefix);
  const taken = [...branches.values()].filter((b) => git(cwd, ['show-ref', '--verify', '--quiet', `refs/heads/${b}`])?.ok);
  if (git(cwd, ['show-ref', '--verify', '--quiet', `refs/heads/${prefix}`])?.ok) taken.unshift(prefix);
  if (taken.length)
    throw new UsageError(
      `--branch-per-service: branch ${taken.join(', ')} already exists; delete it (git branch -D ${taken.join(' ')}) or choose another prefix`,
    );
  const head = run(cwd, ['rev-parse', '--verify', 'HEAD'], 'git rev-parse HEAD').trim();
  const prefixInRepo = run(cwd, ['rev-parse', '--show-prefix'], 'git rev-parse --show-prefix').trim();
  const top = run(cwd, ['rev-parse', '--show-toplevel'], 'git rev-parse --show-toplevel').trim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-index-'));
  const created: string[] = [];
  try {
    for (const [service, branch] of branches) {
      const env = { GIT_INDEX_FILE: path.join(tmp, `${service.slug}.index`) };
      plumbing(cwd, ['read-tree', head], env, 'git read-tree');
      for (const f of changedFiles(report, service)) {
        const next = contents.get(f.path);
        if (!next) continue;
        const inRepo = path.posix.normalize(prefixInRepo + f.path);
        if (inRepo.startsWith('../')) throw new UsageError(`--branch-per-service: ${f.path} is outside the git repository`);
        const blob = plumbing(cwd, ['hash-object', '-w', '--stdin', `--path=${inRepo}`], env, `git hash-object ${f.path}`, next.content).trim();
        const mode = next.mode !== undefined && next.mode & 0o111 ? '100755' : '100644';
        // --cacheinfo takes the path from the top of the work tree, whatever the cwd.
        plumbing(top, ['update-index', '--add', '--cacheinfo', `${mode},${blob},${inRepo}`], env, `git update-index ${f.path}`);
      }
      const tree = plumbing(cwd, ['write-tree'], env, 'git write-tree').trim();
      const commit = plumbing(cwd, ['commit-tree', tree, '-p', head, '-F', '-'], env, `git commit-tree for service ${service.name}`, commitMessage(report, service)).trim();
      // The empty old value makes git refuse if the branch appeared meanwhile.
      run(cwd, ['update-ref', '-m', 'shipshape: branch per service', `refs/heads/${branch}`, commit, ''], `git update-ref ${branch}`);
      service.branch = branch;
      service.commit = commit;
      created.push(branch);
    }
  } catch (err: any) {
    if (err instanceof UsageError && created.length) throw new UsageError(`${err.message}; branches created so far: ${created.join(', ')}`);
    throw err;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** What --commit and --branch-per-service made, one line per service, for the end of the summary. */
export function formatRolloutLines(report: Report): string[] {
  const lines: string[] = [];
  for (const s of report.services ?? []) {
    const files = plural(changedFiles(report, s).length, 'file');
    if (s.branch) lines.push(`branch  ${s.branch}  ${s.commit?.slice(0, 7)}  ${files} (${s.name})`);
    else if (s.commit) lines.push(`commit  ${s.commit.slice(0, 7)}  ${s.name}  ${files}`);
  }
  return lines;
}
