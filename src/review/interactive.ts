import fs from 'node:fs';
import path from 'node:path';
import { describeSyntaxError } from '../engine/transform-file';
import { isJsLike, parserFor } from '../engine/parser';
import { isScriptText } from '../fleet/scripts';
import { applySome, changesOf, segmentsOf, type Segment } from '../report/hunks';
import { redact } from '../report/redact';
import type { ChangedFile } from '../runner/run';
import { writeFileAtomic } from '../runner/write';
import { UsageError } from '../types';

/**
 * Hunk-by-hunk review on a terminal, as `git add -p` and `ast-grep -i`: each change with its context,
 * a one-key answer, and each file written (atomically) once its hunks are decided, with exactly the
 * accepted hunks applied to the original.
 */
export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  color: boolean;
}

export function checkTerminal(input: { isTTY?: boolean }, output: { isTTY?: boolean }): void {
  if (!input.isTTY || !output.isTTY) {
    throw new UsageError('--interactive needs a terminal (stdin and stdout a TTY); without one, review with --patch <file> or --html <file> and apply with --write');
  }
}

const HELP = `y - apply this hunk
n - do not apply this hunk
a - apply this hunk and every later hunk of this file
d - do not apply this hunk or any later hunk of this file
q - quit: apply no more hunks (files already decided are written)
? - print this help
`;

/** The partial result, or why it cannot be written: accepted hunks of JS/TS must still parse together. */
export function partialResult(file: string, segments: Segment[], accepted: boolean[]): { text: string } | { error: string } {
  const text = applySome(segments, (i) => accepted[i]);
  // An entry script without extension (`bin/www`) is JavaScript too: its original text says so.
  if (!isJsLike(file) && !isScriptText(applySome(segments, () => false))) return { text };
  try {
    parserFor(file).check(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/^#!/, '//'));
  } catch (err) {
    return { error: `the hunks you accepted do not parse without the others (${describeSyntaxError(err)})` };
  }
  return { text };
}

function showHunk(term: Terminal, file: ChangedFile, segments: Segment[], index: number, count: number): void {
  const change = changesOf(segments)[index];
  const before = segments[change.index - 1];
  const after = segments[change.index + 1];
  const context = (s: Segment | undefined, tail: boolean) => (s?.kind === 'same' ? (tail ? s.lines.slice(0, 3) : s.lines.slice(-3)) : []);
  const lead = context(before, false);
  const trail = context(after, true);
  const paint = (code: number, s: string) => (term.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const strip = (l: string) => redact(l.replace(/\r?\n$/, ''), file.redactions);
  const out = [
    paint(1, `${file.relPath}${file.original === null ? ' (new file)' : ''}  hunk ${index + 1}/${count}`),
    paint(36, `@@ -${change.oldStart - lead.length},${lead.length + change.old.length + trail.length} +${change.newStart - lead.length},${lead.length + change.new.length + trail.length} @@`),
    ...lead.map((l) => ` ${strip(l)}`),
    ...change.old.map((l) => paint(31, `-${strip(l)}`)),
    ...change.new.map((l) => paint(32, `+${strip(l)}`)),
    ...trail.map((l) => ` ${strip(l)}`),
  ];
  term.output.write(out.join('\n') + '\n');
}

function readKey(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve) => {
    input.once('data', (d) => resolve(d.toString('utf8')));
  });
}

export interface InteractiveOutcome {
  written: string[];
  accepted: number;
  skipped: number;
  failed: { path: string; error: string }[];
}

export async function reviewInteractively(files: ChangedFile[], term: Terminal): Promise<InteractiveOutcome> {
  const outcome: InteractiveOutcome = { written: [], accepted: 0, skipped: 0, failed: [] };
  term.input.setRawMode?.(true);
  term.input.resume();
  let quit = false;
  try {
    for (const file of files) {
      if (quit) break;
      const segments = segmentsOf(file.original ?? '', file.output);
      const count = changesOf(segments).length;
      const accepted: boolean[] = new Array(count).fill(false);
      let rest: boolean | null = null;
      for (let i = 0; i < count && !quit; i++) {
        if (rest !== null) {
          accepted[i] = rest;
          continue;
        }
        showHunk(term, file, segments, i, count);
        for (;;) {
          term.output.write('Apply this hunk [y,n,a,d,q,?]? ');
          const key = (await readKey(term.input)).trim().toLowerCase();
          term.output.write(`${key}\n`);
          if (key === 'y' || key === 'n') accepted[i] = key === 'y';
          else if (key === 'a' || key === 'd') rest = accepted[i] = key === 'a';
          else if (key === 'q' || key === '\u0003') quit = true;
          else {
            term.output.write(HELP);
            continue;
          }
          break;
        }
      }
      const yes = accepted.filter(Boolean).length;
      outcome.accepted += yes;
      outcome.skipped += count - yes;
      if (yes === 0) continue;
      const result = partialResult(file.path, segments, accepted);
      if ('error' in result) {
        outcome.failed.push({ path: file.relPath, error: `${result.error}; the file was left unchanged` });
        term.output.write(`${file.relPath}: ${result.error}; the file was left unchanged\n`);
        continue;
      }
      const failure = writeReviewed(file, result.text);
      if (failure) {
        outcome.failed.push({ path: file.relPath, error: failure });
        term.output.write(`${file.relPath}: ${failure}\n`);
      } else outcome.written.push(file.relPath);
    }
  } finally {
    term.input.setRawMode?.(false);
    term.input.pause();
  }
  return outcome;
}

/** Writes a reviewed file unless it changed on disk since the run read it. */
function writeReviewed(file: ChangedFile, text: string): string | null {
  try {
    if (file.original === null) {
      if (fs.existsSync(file.path)) return 'the file now exists; run again';
      fs.mkdirSync(path.dirname(file.path), { recursive: true });
    } else if (fs.readFileSync(file.path, 'utf8') !== file.original) return 'file changed on disk during the review; run again';
    writeFileAtomic(file.path, text, file.mode);
    return null;
  } catch (err: any) {
    return `cannot write: ${err.code ?? err.message}`;
  }
}
