import { diff } from './diff-library';

/**
 * A file's change as a sequence of kept and changed line runs, so a subset of the changes can be
 * applied to the original byte for byte (suppressed lines, hunks a reviewer skipped) and a line of
 * the original can be followed to the result.
 */
export type Segment = { kind: 'same'; lines: string[] } | { kind: 'change'; old: string[]; new: string[] };

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The segments from `before` to `after`. With `fine`, a change that replaces n lines by n lines is
 * split into one change per line (a rewritten call on line 5 and another on line 6 are two changes).
 */
export function segmentsOf(before: string, after: string, fine = false): Segment[] {
  const out: Segment[] = [];
  for (const part of diff.diffLines(before, after)) {
    const lines = splitLines(part.value);
    const last = out[out.length - 1];
    if (!part.added && !part.removed) out.push({ kind: 'same', lines });
    else if (last?.kind === 'change') (part.added ? last.new : last.old).push(...lines);
    else out.push({ kind: 'change', old: part.removed ? lines : [], new: part.added ? lines : [] });
  }
  if (!fine) return out;
  return out.flatMap((s): Segment[] =>
    s.kind === 'change' && s.old.length === s.new.length && s.old.length > 1 ? s.old.map((o, i) => ({ kind: 'change', old: [o], new: [s.new[i]] })) : [s],
  );
}

/** Changes with the 1-based first line they replace in the original (for an insertion: the line it goes before). */
export function changesOf(segments: Segment[]): { index: number; oldStart: number; newStart: number; old: string[]; new: string[] }[] {
  const found = [];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === 'same') {
      oldLine += s.lines.length;
      newLine += s.lines.length;
      continue;
    }
    found.push({ index: i, oldStart: oldLine, newStart: newLine, old: s.old, new: s.new });
    oldLine += s.old.length;
    newLine += s.new.length;
  }
  return found;
}

/** The original with only the changes `keep` accepts (by their index among the changes) applied. */
export function applySome(segments: Segment[], keep: (changeIndex: number) => boolean): string {
  let n = 0;
  return segments.map((s) => (s.kind === 'same' ? s.lines.join('') : (keep(n++) ? s.new : s.old).join(''))).join('');
}

/**
 * Follows a 1-based line of `before` to `after`: kept lines move by what changed above them; a
 * changed line goes to the first line of what replaced it (the line itself when n lines became n).
 */
export function lineMapper(segments: Segment[]): (line: number) => number {
  return (line) => {
    let oldLine = 1;
    let newLine = 1;
    for (const s of segments) {
      const oldLen = s.kind === 'same' ? s.lines.length : s.old.length;
      const newLen = s.kind === 'same' ? s.lines.length : s.new.length;
      if (line < oldLine + oldLen) {
        const offset = line - oldLine;
        if (s.kind === 'same' || oldLen === newLen) return newLine + offset;
        return newLine + Math.min(offset, Math.max(0, newLen - 1));
      }
      oldLine += oldLen;
      newLine += newLen;
    }
    return newLine + (line - oldLine);
  };
}
