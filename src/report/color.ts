/**
 * Whether to colour a stream. `--color always|never` wins; then FORCE_COLOR (as in Node itself, it
 * beats NO_COLOR: `0` or `false` turns colour off, any other non-empty value on), then NO_COLOR
 * (non-empty: off, per no-color.org), then a TTY that is not `TERM=dumb`.
 */
export function useColor(when: string, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}
