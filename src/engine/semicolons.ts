/**
 * recast always ends printed statements with `;`. In a file written without semicolons the lines a
 * transform added would stand out, so their trailing `;` is removed, except where the next line would
 * then continue the statement (ASI hazards: a line starting with `(`, `[`, `` ` ``, `+`, `-`, `/`).
 * Lines that were already in the file are never touched; the runner parses the result again.
 */
export function restoreNoSemicolonStyle(original: string, output: string): string {
  const seen = new Map<string, number>();
  for (const line of original.split('\n')) seen.set(line, (seen.get(line) ?? 0) + 1);
  const lines = output.split('\n');
  const added = lines.map((line) => {
    const n = seen.get(line) ?? 0;
    if (n > 0) {
      seen.set(line, n - 1);
      return false;
    }
    return true;
  });
  for (let i = 0; i < lines.length; i++) {
    if (!added[i] || !/;\s*$/.test(lines[i]) || /^\s*for\s*\(/.test(lines[i])) continue;
    let k = i + 1;
    // Comments are not code: the hazard is the next line of code.
    while (k < lines.length && (lines[k].trim() === '' || /^\s*(\/\/|\/\*|\*)/.test(lines[k]))) k++;
    const next = k < lines.length ? lines[k].trim() : '';
    if (/^[(\[`+\-/]/.test(next)) continue;
    lines[i] = lines[i].replace(/;(\s*)$/, '$1');
  }
  return lines.join('\n');
}
