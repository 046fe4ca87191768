import { diff } from './diff-library';

/**
 * A git-style unified diff of one file (`diff --git` header, `--- a/` / `+++ b/` paths relative to
 * the cwd, 3 lines of context) that `git apply` accepts. `before` null means a new file.
 */
export function unifiedDiff(relPath: string, before: string | null, after: string, mode = '100644'): string {
  const patch = diff.structuredPatch(`a/${relPath}`, `b/${relPath}`, before ?? '', after, '', '', { context: 3 });
  const out: string[] = [`diff --git a/${relPath} b/${relPath}`];
  if (before === null) out.push(`new file mode ${mode}`, '--- /dev/null');
  else out.push(`--- a/${relPath}`);
  out.push(`+++ b/${relPath}`);
  for (const hunk of patch.hunks) {
    out.push(`@@ -${hunkRange(hunk.oldStart, hunk.oldLines)} +${hunkRange(hunk.newStart, hunk.newLines)} @@`);
    out.push(...hunk.lines);
  }
  return out.join('\n') + '\n';
}

function hunkRange(start: number, lines: number): string {
  // A hunk that adds to an empty file starts at 0 in git's notation.
  if (lines === 0) return `${start === 0 ? 0 : start},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

const RESET = '\u001b[0m';
const COLORS = { bold: '\u001b[1m', red: '\u001b[31m', green: '\u001b[32m', cyan: '\u001b[36m' };

/** Terminal colours for a diff: headers bold, hunks cyan, removals red, additions green. */
export function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (/^(diff --git|--- |\+\+\+ |new file mode)/.test(line)) return COLORS.bold + line + RESET;
      if (line.startsWith('@@')) return COLORS.cyan + line + RESET;
      if (line.startsWith('-')) return COLORS.red + line + RESET;
      if (line.startsWith('+')) return COLORS.green + line + RESET;
      return line;
    })
    .join('\n');
}
