import type * as Yaml from 'yaml';
import { lazyModule } from '../lazy-module';

/** The `yaml` library, loaded when a run first reads a YAML file: most runs read none. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const YAML: typeof Yaml = lazyModule(() => require('yaml'));
