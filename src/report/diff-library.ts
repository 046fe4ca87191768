import type * as Diff from 'diff';
import { lazyModule } from '../lazy-module';

/** The `diff` library, loaded when a run first diffs a file: a run that shows no diff (--quiet, a report on stdout) never does. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const diff: typeof Diff = lazyModule(() => require('diff'));
