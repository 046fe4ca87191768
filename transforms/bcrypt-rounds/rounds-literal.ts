/**
 * A rounds value written as a literal: `10` or `'10'` (env fallbacks are strings: `|| '10'`).
 */
export function literalRounds(node: any): number | null {
  if (!node) return null;
  if ((node.type === 'NumericLiteral' || node.type === 'Literal') && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string' && /^\d{1,2}$/.test(node.value)) return Number(node.value);
  return null;
}

/**
 * Sets a rounds literal to `min` in place, a number staying a number and a string a string. Recast
 * prints a changed number from `extra.raw`, so that is rewritten with the value; a changed string is
 * printed in the file's quote style.
 */
export function raiseLiteral(node: any, min: number): void {
  if (typeof node.value === 'number') {
    node.value = min;
    node.extra = { ...node.extra, rawValue: min, raw: String(min) };
    if ('raw' in node) node.raw = String(min);
    return;
  }
  node.value = String(min);
  if (node.extra) node.extra = { ...node.extra, rawValue: String(min), raw: JSON.stringify(String(min)) };
  if ('raw' in node) node.raw = JSON.stringify(String(min));
}
