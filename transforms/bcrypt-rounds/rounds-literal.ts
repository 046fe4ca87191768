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
 * The text of a rounds literal raised to `min`: a number stays a number, and a string a string in the
 * file's quote style.
 */
export function raisedLiteral(node: any, min: number, quote: 'single' | 'double'): string {
  if (typeof node.value === 'number') return String(min);
  return quote === 'single' ? `'${min}'` : `"${min}"`;
}
