/**
 * Dockerfile instructions as data: each with its continuation lines joined, its line and offsets,
 * for the fleet model (COPY, WORKDIR, CMD…) and the probe rewrites (HEALTHCHECK) alike.
 */
export interface DockerInstruction {
  /** Upper case: `COPY`, `CMD`. */
  keyword: string;
  /** The arguments with continuations joined by a space (comment lines inside dropped). */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
  /** Offset of the keyword, and just past the instruction's last character. */
  start: number;
  end: number;
}

/** The escape character a `# escape=` parser directive sets (a backtick on Windows images), else `\`. */
export function escapeCharOf(source: string): string {
  for (const line of source.split('\n')) {
    const directive = /^#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

/**
 * Every instruction with its continuation lines (a line ending in the escape character goes on;
 * comment and blank lines inside an instruction are skipped by Docker and here).
 */
export function dockerInstructions(source: string): DockerInstruction[] {
  const escape = escapeCharOf(source);
  const lines = source.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const l of lines) {
    offsets.push(offset);
    offset += l.length + 1;
  }
  const continues = (l: string) => l.replace(/\r$/, '').trimEnd().endsWith(escape);
  const out: DockerInstruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const first = i;
    let last = i;
    const parts = [line.replace(/\r$/, '')];
    if (!/^\s*#/.test(line)) {
      while (continues(lines[last]) && last + 1 < lines.length) {
        last++;
        while (last + 1 < lines.length && /^\s*(#.*)?$/.test(lines[last]) && !continues(lines[last])) last++;
        parts.push(lines[last].replace(/\r$/, ''));
      }
    }
    const m = /^\s*([A-Za-z]+)(\s+|$)/.exec(line);
    if (m && !/^\s*#/.test(line)) {
      const joined = parts.map((p) => (continues(p) ? p.trimEnd().slice(0, -1) : p)).join(' ');
      out.push({
        keyword: m[1].toUpperCase(),
        args: joined.replace(/^\s*[A-Za-z]+\s*/, '').trim(),
        line: first + 1,
        start: offsets[first] + (line.length - line.trimStart().length),
        end: offsets[last] + lines[last].length,
      });
    }
    i = last + 1;
  }
  return out;
}
