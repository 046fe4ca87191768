import { UsageError } from '../types';

/**
 * Refuses two outputs on stdout: their texts would interleave and neither would parse (a JSON report
 * followed by a patch is neither JSON nor a patch).
 */
export function checkOneStdout(outputs: Record<string, string | undefined>): void {
  const onStdout = Object.entries(outputs)
    .filter(([, value]) => value === '-')
    .map(([flag]) => flag);
  if (onStdout.length > 1) {
    throw new UsageError(`${onStdout.join(' and ')} both write to stdout; give all but one a file name (e.g. ${onStdout[1]} out.file)`);
  }
}
