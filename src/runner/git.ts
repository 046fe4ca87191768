import { spawnSync } from 'node:child_process';

/** Runs git (with extra environment and stdin when given); null when git is not installed. */
export function git(
  cwd: string,
  args: string[],
  extra: { env?: Record<string, string>; input?: string } = {},
): { ok: boolean; stdout: string; stderr: string } | null {
  const env = extra.env ? { ...process.env, ...extra.env } : process.env;
  const res = spawnSync('git', args, { cwd, encoding: 'utf8', env, input: extra.input, maxBuffer: 256 * 1024 * 1024 });
  if (res.error) return null;
  return { ok: res.status === 0, stdout: res.stdout, stderr: res.stderr };
}

export function isGitRepo(cwd: string): boolean {
  const res = git(cwd, ['rev-parse', '--is-inside-work-tree']);
  return !!res?.ok && res.stdout.trim() === 'true';
}

/** Paths with uncommitted changes (staged or unstaged; untracked files are not ours to overwrite) below `paths`, relative to `cwd`. */
export function dirtyPaths(cwd: string, paths: string[]): string[] {
  if (!isGitRepo(cwd)) return [];
  const res = git(cwd, ['status', '--porcelain', '--untracked-files=no', '--', ...paths]);
  if (!res?.ok) return [];
  return res.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
}
