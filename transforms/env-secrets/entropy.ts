/** Shannon entropy of a string in bits per character: how evenly it uses its characters. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * The entropy a value must reach to look random. Hex uses 16 symbols, so a random hex string of 20
 * to 64 characters measures only about 3.4 to 3.9 bits: it gets a lower bar than other values.
 */
export function entropyThreshold(value: string, minEntropy: number): number {
  return /^[0-9a-f]+$/i.test(value) ? Math.min(minEntropy, 3) : minEntropy;
}
