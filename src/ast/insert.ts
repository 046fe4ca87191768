import type { JSCodeshift } from 'jscodeshift';

/**
 * recast separates a new statement from its neighbours by the larger of their original spacing, so a
 * line inserted after an import that was followed by a blank line ends up between two blank lines.
 * Statements inserted through here carry a marker comment that the engine removes after printing,
 * together with the blank line on the side the statement belongs to.
 */
export const INSERT_MARK = '__shipshape_insert_';
const MARK_LINE = new RegExp(`^\\s*//${INSERT_MARK}(after|before)__\\s*$`);

/**
 * Inserts `node` into a statement list at `index`. `attach` says which neighbour it belongs with:
 * 'after' the previous statement (an import after the imports, app.use after `const app = ...`) or
 * 'before' the next one (app.use before the first route).
 */
export function insertStatement(j: JSCodeshift, body: any[], index: number, node: any, attach: 'after' | 'before'): void {
  const mark = j.commentLine(`${INSERT_MARK}${attach}__`, true, false);
  node.comments = [mark, ...(node.comments ?? [])];
  body.splice(index, 0, node);
}

function bracketBalance(line: string): number {
  const code = line.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '').replace(/\/\/.*$/, '');
  let n = 0;
  for (const ch of code) {
    if (ch === '(' || ch === '[' || ch === '{') n++;
    else if (ch === ')' || ch === ']' || ch === '}') n--;
  }
  return n;
}

/** Removes the markers of insertStatement and the blank line on the attached side of one-line statements. */
export function settleInsertedStatements(output: string): string {
  if (!output.includes(INSERT_MARK)) return output;
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = MARK_LINE.exec(lines[i]);
    if (!m) continue;
    lines.splice(i, 1);
    const oneLine = i < lines.length && bracketBalance(lines[i]) === 0;
    if (!oneLine) {
      i--;
      continue;
    }
    if (m[1] === 'after' && i >= 2 && lines[i - 1].trim() === '' && lines[i - 2].trim() !== '') {
      lines.splice(i - 1, 1);
      i--;
    } else if (m[1] === 'before' && i + 1 < lines.length && lines[i + 1].trim() === '') {
      lines.splice(i + 1, 1);
    }
    i--;
  }
  return lines.join('\n');
}
