import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const healthcheckLoopback: Transform = {
  name: 'healthcheck-loopback',
  summary: 'Points Dockerfile and compose health probes at 127.0.0.1 instead of localhost (which can resolve to ::1)',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(healthcheckLoopback);
