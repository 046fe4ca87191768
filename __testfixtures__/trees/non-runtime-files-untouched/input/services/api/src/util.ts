export function total(xs: number[]): number {
  console.debug('summing', xs.length);
  return xs.reduce((a, b) => a + b, 0);
}
