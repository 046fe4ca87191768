export { run, execute } from './runner/run';
export type { RunOptions, RunOutcome, FilePatch } from './runner/run';
export type { Report, FileReport, Summary, Mode, ServiceReport } from './report/types';
export type { Transform, Options, ManualItem } from './types';
export { TRANSFORMS, PRESETS } from '../transforms';
